package dev.wheelsh.core.tags;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** Turns a target described by plain facts in the golden files into the engine's inputs. */
final class GoldenTargets {

    private GoldenTargets() {
    }

    static List<String> platforms(JsonNode t) {
        String os = t.get("os").asText();
        return switch (os) {
            case "linux" -> PlatformTags.linux(new PlatformTags.LinuxSystem(t.get("arch").asText(),
                    t.path("userland32").asBoolean(false), libc(t), t.path("armhf").asBoolean(false)),
                    PlatformTags.Mode.PACKAGING);
            case "macos" -> {
                int[] v = version(t.get("macos").asText());
                yield PlatformTags.macos(v[0], v[1], t.get("arch").asText());
            }
            case "ios" -> {
                int[] v = version(t.get("ios").asText());
                yield PlatformTags.ios(v[0], v[1], t.get("multiarch").asText());
            }
            case "android" -> PlatformTags.android(t.get("api").asInt(), t.get("android_abi").asText());
            case "windows" -> PlatformTags.generic(t.get("sysconfig_platform").asText());
            case "emscripten" -> PlatformTags.emscripten(
                    Optional.ofNullable(t.get("pyemscripten")).map(JsonNode::asText),
                    t.get("sysconfig_platform").asText());
            default -> throw new IllegalArgumentException(os);
        };
    }

    static InterpreterTagInputs inputs(JsonNode t) throws Exception {
        PythonVersion version = PythonVersion.parse(t.get("python").asText());
        String implementation = t.path("implementation").asText("cp");
        List<String> platforms = platforms(t);
        if (implementation.equals("cp")) {
            return InterpreterTagInputs.cpython(version,
                    CpythonAbi.fromFlags(t.path("abiflags").asText(""), version), platforms);
        }
        return InterpreterTagInputs.generic(implementation, version,
                InterpreterTagInputs.abiFromExtSuffix(t.get("ext_suffix").asText()), platforms);
    }

    private static Libc libc(JsonNode t) {
        if (t.has("glibc")) {
            int[] v = version(t.get("glibc").asText());
            return Libc.glibc(v[0], v[1]);
        }
        if (t.has("musl")) {
            int[] v = version(t.get("musl").asText());
            return Libc.musl(v[0], v[1]);
        }
        return Libc.none();
    }

    private static int[] version(String text) {
        String[] p = text.split("\\.");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
    }
}

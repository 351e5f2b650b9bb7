package dev.wheelsh.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The baseline reader tells plain versions (2.17, 3.4.19) without a regex; that test must accept
 * exactly what the symbol-version grammar's unprefixed numeric form accepts, or the ascending-order
 * check (WH610) would judge different versions than before.
 */
class PlainVersionTest {

    private static final Pattern NUMERIC = Pattern.compile("\\d+(?:\\.\\d+)*");

    @Test
    void plainVersionsAreDigitGroupsSeparatedBySingleDots() {
        List<String> samples = List.of("2.17", "3.4.19", "1", "0", "2.2.5", "10.0.0.1", "007", "123456789.1",
                "", ".", "2.", ".2", "2..17", "2.17a", "GLIBC_2.17", "TM_1", "LDBL_3.4", "FLOAT128", "2,17", " 2.17",
                "2.17 ", "٣.٤", "2.-1", "+1");
        for (String s : samples) {
            assertEquals(NUMERIC.matcher(s).matches(), BaselineFile.isPlainVersion(s), "'" + s + "'");
        }
    }
}

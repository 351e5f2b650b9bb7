"""wheelsh: tells whether a Python wheel will run on a machine, and why not.

This package carries the wheelsh jar and a console script that runs it with a Java found on this
machine (WHEELSH_JAVA, else JAVA_HOME, else java on PATH; Java 17 or newer).
"""

package nl.abu.monitor.tools.embedded;

import java.nio.file.Path;
import java.util.List;

/**
 * What to run in a child JVM.
 *
 * @param name       shown in logs and error messages
 * @param workDir    owned by the child: created by the caller, deleted when the child stops
 * @param jvmOptions options such as {@code -Xmx512m} and {@code -Dkey=value}
 * @param classpath  classpath entries; {@link ParentWatch} is put in front of them
 * @param mainClass  the real main class that {@link ParentWatch} calls
 * @param args       arguments of the real main class
 * @param consoleLog the file that receives stdout and stderr of the child
 * @param otherLogs  further log files the child writes, used for the log tail in errors
 */
record ChildJvmSpec(
        String name,
        Path workDir,
        List<String> jvmOptions,
        List<String> classpath,
        String mainClass,
        List<String> args,
        Path consoleLog,
        List<Path> otherLogs) {

    ChildJvmSpec {
        jvmOptions = List.copyOf(jvmOptions);
        classpath = List.copyOf(classpath);
        args = List.copyOf(args);
        otherLogs = List.copyOf(otherLogs);
    }
}

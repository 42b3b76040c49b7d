/**
 * A real Kafka broker and a real schema registry (Apicurio, Confluent-compatible API), each in
 * a child JVM, for the {@code demo} and {@code replay} commands and for integration tests.
 *
 * <p>Entry point: {@link nl.abu.monitor.tools.embedded.EmbeddedPlatform#start(int, int)}.
 *
 * <p>Children never outlive the JVM that started them: a shutdown hook stops them on normal
 * exit, Ctrl-C and SIGTERM, and {@link nl.abu.monitor.tools.embedded.ParentWatch} ends a child whose
 * parent was SIGKILLed (its stdin pipe closes). The work directory such a child leaves behind
 * is deleted by the next run.
 */
package nl.abu.monitor.tools.embedded;

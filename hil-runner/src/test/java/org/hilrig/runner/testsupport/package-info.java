/**
 * Test support with real parts: {@link org.hilrig.runner.testsupport.PostgresServer} and its JUnit extension
 * (a private PostgreSQL cluster per test run), and {@link org.hilrig.runner.testsupport.ChildJvm} (a test main
 * in a child JVM, killed with SIGKILL at a point it announces by creating a file).
 */
package org.hilrig.runner.testsupport;

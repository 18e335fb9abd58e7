/**
 * The scenario library as JUnit tests: a JUnit Platform {@code TestEngine} (id {@code hil-scenarios}) that
 * takes scenario files and folders as tests, one test per scenario with its file position (so an IDE
 * jumps to it), its tags as JUnit tags, and its measurements as report entries. Run it through a
 * {@code @Suite} class so Surefire counts the scenarios.
 */
package org.hilrig.scenarios.junit;

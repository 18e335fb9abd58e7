package org.hilrig.scenarios;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Every scenario of the library, one JUnit test each, on the simulated rig with the defect-free emulator
 * (seed 42). Surefire counts the scenarios through this suite.
 */
@Suite
@SuiteDisplayName("Scenario library on the simulated rig")
@IncludeEngines("hil-scenarios")
@SelectDirectories("scenarios")
class ScenarioLibraryTest {
}

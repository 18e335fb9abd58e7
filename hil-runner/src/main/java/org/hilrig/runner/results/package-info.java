/** The results of a run as values: what results.json, junit.xml, the report and the database are made from. */
package org.hilrig.runner.results;

/**
 * What quality engineers are judged by, from the station's records in the results database
 * ({@link org.hilrig.runner.store.QualityRecords}): first-pass yield, final yield and retest rate by product,
 * revision, station, socket, operator or day ({@link org.hilrig.runner.quality.YieldFigures}); a Pareto of the
 * scenarios and measurements that fail most ({@link org.hilrig.runner.quality.FailurePareto}); and per measurement n,
 * mean, standard deviation, Cp and Cpk with their confidence intervals and a measurement-system warning
 * ({@link org.hilrig.runner.quality.Capability}), and an individuals and moving-range chart with the Western Electric
 * rules flagged ({@link org.hilrig.runner.quality.IndividualsChart}), one value a unit
 * ({@link org.hilrig.runner.quality.CapabilityReport}). Only the attempts of one purpose count at a time (production
 * by default: golden units, engineering and CI runs stay out), and aborted and erred attempts count in none. The
 * statistics are Commons Math's; the formulas on top (Cp, Cpk and their intervals, control limits, the rules) cite
 * their sources where they are written. {@code hil yield} and {@code hil cpk} print them. Stateless, values only.
 */
package org.hilrig.runner.quality;

/**
 * Timing rules and the monitor that checks them: a {@link org.hilrig.timing.rules.TimingRule} is either
 * a bounded response ({@code after door_closed falls expect hv_enable falls within 1ms}) or an exclusion
 * ({@code never xray_on high while door_closed low}); a {@link org.hilrig.timing.rules.RuleChecker}
 * listens to a trace stream, live or recorded, and judges every rule in one pass, with memory bounded
 * by the triggers still waiting for an answer inside their window and by the occurrences its {@link
 * org.hilrig.timing.rules.Listing} keeps (counts, verdicts and worst latencies cover every one). A
 * result also says whether the trace could have broken its rule at all ({@code exercised}). Rules name
 * signals as text; they are bound to a trace's signals when the stream begins, and a name that matches
 * nothing, or a rule whose two names are one signal in a way that can mean nothing, is a bad-input
 * error at the place the rule file wrote it.
 */
package org.hilrig.timing.rules;

/**
 * The timeline of a test: what the tester did and saw, recorded cheaply enough to stay on in every graded run, and
 * the self-contained HTML page a failing run leaves beside its log.
 *
 * <ul>
 *   <li>{@link raftkit.tester.timeline.Timeline}: one per config; the config calls it in one line per hook (checks,
 *       faults, begin/end), the peers it hands out report their answers through it, the appliers their applies,
 *       and the student's {@link raftkit.raft.api.Debug} lines reach it through {@link
 *       raftkit.tester.timeline.Timelines}. Appends go to bounded lock-free rings and are formatted only when a page
 *       is written.</li>
 *   <li>{@link raftkit.tester.timeline.TimelinePage}: the page, {@code page.html} with the recordings as JSON;
 *       its script draws a lane per peer and says in words what failed.</li>
 *   <li>{@link raftkit.tester.timeline.Timelines}: the mode ({@code -Draftkit.timeline=failures|always|off}), the
 *       folder, and writing a test's page, which the test extension publishes as a report entry.</li>
 * </ul>
 */
package raftkit.tester.timeline;

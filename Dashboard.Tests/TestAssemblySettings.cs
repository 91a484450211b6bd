// Browser tests drive real Chromium against real servers; on a 2-core machine, running test classes
// side by side starves circuits and makes timings flaky. One class at a time keeps every test honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

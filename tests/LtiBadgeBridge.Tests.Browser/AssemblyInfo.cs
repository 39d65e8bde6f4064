// One test class at a time: each class starts its own service, demo LMS and Chromium, and the suite runs
// beside the other test assemblies on the same cores.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

// Runs before every test file, in that file's own module graph.
process.env.APP_ENV ??= "test";
// Tests assert on behaviour, not on log lines; the logging tests set their own level.
process.env.LOG_LEVEL ??= "silent";

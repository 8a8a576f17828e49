// Runs before every test file, in that file's own module graph.
process.env.APP_ENV ??= "test";

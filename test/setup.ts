// Fixed time zone in every test worker: dates must not depend on where the tests run.
process.env.TZ = "Europe/Stockholm";

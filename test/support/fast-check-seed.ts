import fc from "fast-check";

// Property tests are deterministic: the same cases every run. FC_SEED explores other cases
// (and reproduces a failure a report names).
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261122) });

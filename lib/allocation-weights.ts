/**
 * The scoring weights of the booth allocation, declared once: the allocator, the database column
 * (`allocation_settings.weights`) and the API's request schema all derive from this schema.
 */
import { z } from "zod";

const weight = (max: number) => z.number().min(0).max(max);

export const WeightsSchema = z.strictObject({
  priorityBase: weight(1000),
  /** Points for the booth at the first, second and third preference. */
  preferences: z.tuple([weight(1000), weight(1000), weight(1000)]),
  homeZone: weight(1000),
  sameClusterAdjacent: weight(10_000),
});

export type Weights = z.infer<typeof WeightsSchema>;

export const DEFAULT_WEIGHTS: Readonly<Weights> = Object.freeze<Weights>({
  priorityBase: 10,
  preferences: [10, 7, 4],
  homeZone: 3,
  sameClusterAdjacent: 20,
});

/** What POST /api/admin/jobs/{name}/run and `npm run job` answer. */
export type Run = {
  job: string;
  asOf: string;
  status: "succeeded" | "skipped";
  periodKey: string;
  reason?: string;
  result?: any;
};

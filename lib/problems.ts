/**
 * Every problem the product answers with, declared once (imports nothing of the project): its
 * code (the `type` is `/problems/<code>`), HTTP status and title, and what a person is told, in
 * Japanese and English side by side. Services throw by code; pages translate by code.
 */
type ProblemEntry = { status: number; title: string; ja: string; en: string };

export const PROBLEMS = {
  validation: {
    status: 400,
    title: "Invalid request",
    ja: "入力内容に誤りがあります。各項目の説明をご確認ください。",
    en: "Some of what was sent is not valid; each field says what.",
  },
  "malformed-json": {
    status: 400,
    title: "Malformed JSON",
    ja: "送信内容を読み取れませんでした（JSON の形式が正しくありません）。",
    en: "The body is not well-formed JSON.",
  },
  "invalid-input": {
    status: 400,
    title: "Invalid input",
    ja: "保存できない値が含まれています（制御文字や大きすぎる数など）。",
    en: "A value in the request cannot be stored (for example a NUL character or a number out of range).",
  },
  unauthorized: {
    status: 401,
    title: "Unauthorized",
    ja: "ログインが必要です。",
    en: "Authentication is required.",
  },
  forbidden: {
    status: 403,
    title: "Forbidden",
    ja: "この操作を行う権限がないか、フォームの有効期限が切れています。ページを読み込み直してから、もう一度お試しください。",
    en: "You may not do this, or the form has expired: reload the page and try again.",
  },
  "not-found": { status: 404, title: "Not found", ja: "お探しのページ・データは見つかりませんでした。", en: "It does not exist." },
  "unknown-check-in-code": {
    status: 404,
    title: "Unknown check-in code",
    ja: "この受付番号の登録は、この催しにはありません。",
    en: "No registration of this event has this check-in code.",
  },
  "event-cancelled": { status: 409, title: "Event cancelled", ja: "この催しは中止になりました。", en: "This event has been cancelled." },
  "event-finished": { status: 409, title: "Event finished", ja: "この催しは終了しました。", en: "This event is over." },
  "event-full": { status: 409, title: "Event full", ja: "定員に達しています。", en: "The event is full." },
  "registration-not-open": {
    status: 409,
    title: "Registration not open",
    ja: "参加登録はまだ始まっていません。",
    en: "Registration for this event is not open yet.",
  },
  "registration-closed": {
    status: 409,
    title: "Registration closed",
    ja: "参加登録の受付は終了しました。",
    en: "Registration for this event has closed.",
  },
  "already-registered": {
    status: 409,
    title: "Already registered",
    ja: "このメールアドレスでは既に登録されています。",
    en: "This e-mail address is already registered for this event.",
  },
  "exhibitor-call-closed": {
    status: 409,
    title: "Call for exhibitors closed",
    ja: "出展のお申し込みは受け付けていません（受付期間外です）。",
    en: "This fair is not taking exhibitor applications now.",
  },
  "exhibitor-application-exists": {
    status: 409,
    title: "Organisation already applied",
    ja: "この団体名では既にお申し込みがあります。",
    en: "This organisation has already applied to exhibit at this fair.",
  },
  "exhibitor-application-withdrawn": {
    status: 409,
    title: "Application withdrawn",
    ja: "このお申し込みは取り下げられています。",
    en: "This application has been withdrawn.",
  },
  "exhibitor-application-declined": {
    status: 409,
    title: "Application declined",
    ja: "このお申し込みはお受けできませんでした。",
    en: "This application has been declined.",
  },
  "not-confirmed": {
    status: 409,
    title: "Not confirmed",
    ja: "参加が確定している人だけ受付できます。",
    en: "Only people with a confirmed seat can be checked in.",
  },
  "capacity-below-confirmed": {
    status: 409,
    title: "Capacity below confirmed",
    ja: "参加確定者の数より少ない定員にはできません。",
    en: "The capacity cannot go below the number of people already confirmed.",
  },
  "organiser-exists": {
    status: 409,
    title: "Organiser exists",
    ja: "このメールアドレスの主催者アカウントは既にあります。",
    en: "An organiser account with this e-mail address exists already.",
  },
  "exhibitor-exists": {
    status: 409,
    title: "Exhibitor exists",
    ja: "この出展者は既に登録されています。",
    en: "This exhibitor exists already.",
  },
  "size-mismatch": {
    status: 409,
    title: "Size mismatch",
    ja: "ブースの大きさが申込みと合いません。",
    en: "The booth's size is not the size applied for.",
  },
  "booth-taken": { status: 409, title: "Booth taken", ja: "このブースは既に割り当てられています。", en: "The booth is already assigned." },
  "competitor-adjacent": {
    status: 409,
    title: "Competitors side by side",
    ja: "競合する出展者が隣り合わせになります。",
    en: "Competitors would be side by side.",
  },
  "floor-plan-in-use": {
    status: 409,
    title: "Floor plan in use",
    ja: "ブースが割り当て済みです。会場図を差し替える前に割り当てを解除してください。",
    en: "Booths are already assigned; clear the assignments before replacing the floor plan.",
  },
  "registration-cancelled": {
    status: 409,
    title: "Registration cancelled",
    ja: "この参加登録は取り消されています。",
    en: "This registration has been cancelled.",
  },
  "questions-have-answers": {
    status: 409,
    title: "Questions have answers",
    ja: "削除しようとした質問には回答があります。回答ごと削除する場合は、削除を確認してください。",
    en: "The questions being removed have answers; confirm (force) to remove them with their answers.",
  },
  "hall-changed": {
    status: 409,
    title: "Changed since the preview",
    ja: "プレビューの後にブースまたは出展者が変更されました。もう一度プレビューしてください。",
    en: "The booths or exhibitors changed after the preview was made; preview the upload again.",
  },
  "allocation-changed": {
    status: 409,
    title: "Changed since the preview",
    ja: "プレビューの後にブース、出展者または重みが変更されました。もう一度プレビューしてから確定してください。",
    en: "The booths, exhibitors or weights changed after the preview; preview again before applying.",
  },
  "body-too-large": { status: 413, title: "Body too large", ja: "送信内容が大きすぎます。", en: "The request body is too large." },
  "unsupported-media-type": {
    status: 415,
    title: "Unsupported content type",
    ja: "送信形式が対応していません（application/json で送ってください）。",
    en: "Send the body as application/json.",
  },
  "idempotency-key-reused": {
    status: 422,
    title: "Idempotency-Key reused",
    ja: "このフォームは既に送信されています。内容を確認して、もう一度送信してください。",
    en: "This Idempotency-Key was already used with a different request body.",
  },
  "allocation-input": {
    status: 422,
    title: "Allocation input",
    ja: "自動割り当ての条件に矛盾があります。",
    en: "The allocation's input is inconsistent.",
  },
  "rate-limited": {
    status: 429,
    title: "Too many requests",
    ja: "短時間に多くの送信がありました。しばらく待ってから、もう一度お試しください。",
    en: "Too many attempts in a short time; wait a little and try again.",
  },
  internal: {
    status: 500,
    title: "Internal server error",
    ja: "サーバーで問題が起きました。記録済みです。",
    en: "Something went wrong on our side; it has been logged.",
  },
  "database-unavailable": {
    status: 503,
    title: "Database unavailable",
    ja: "データベースに一時的に接続できません。数秒おいてから、もう一度お試しください。",
    en: "The database cannot be reached just now; try again in a few seconds.",
  },
  "storage-full": {
    status: 503,
    title: "Storage full",
    ja: "サーバーの保存領域が一杯のため、この変更は保存されませんでした。閲覧はできます。時間をおいてもう一度お試しください。",
    en: "The server's storage is full, so this change was not saved; reading still works. Try again later.",
  },
} as const satisfies Record<string, ProblemEntry>;

/**
 * The typed data some problems carry, as extension members of their problem+json (RFC 9457
 * §3.2) beside type, title and detail: a client or a page explains the problem from these, never
 * by reading the detail text. Booths by code, exhibitors by ref.
 */
export type ProblemData = {
  "size-mismatch": { booth: string; boothSize: string; exhibitor: string; exhibitorSize: string };
  "booth-taken": { booth: string; exhibitor: string; holder: string | null };
  "competitor-adjacent": { booth: string; exhibitor: string; competitor: string; competitorBooth: string };
};

/** A problem's code; `http` stands for an error of the HTTP layer itself (type about:blank). */
export type ProblemCode = keyof typeof PROBLEMS | "http";

export function isProblemCode(s: string): s is keyof typeof PROBLEMS {
  return Object.hasOwn(PROBLEMS, s);
}

/** What a person is told about a problem, in their language (undefined for `http`). */
export function problemText(code: string, lang: "ja" | "en"): string | undefined {
  return isProblemCode(code) ? PROBLEMS[code][lang] : undefined;
}

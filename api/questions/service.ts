/**
 * An event's registration questions: organisers in scope replace them as a whole (PUT); everyone
 * who may see the event reads them. Answers live with the registrations (registration_answers).
 */
import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { eventQuestions, registrationAnswers, type EventQuestionRow } from "../../db/schema/index.ts";
import { audit } from "../audit/service.ts";
import type { Ctx } from "../deps.ts";
import { AppError, ValidationFailed } from "../errors.ts";
import { getEvent, lockEventForChange } from "../events/service.ts";
import { checkAnswers, type Answers } from "./answers.ts";
import type { QuestionInputValue } from "./schemas.ts";

export type { Answers } from "./answers.ts";

export async function loadQuestions(db: Db, eventId: string): Promise<EventQuestionRow[]> {
  return db.select().from(eventQuestions).where(eq(eventQuestions.eventId, eventId)).orderBy(asc(eventQuestions.sortOrder));
}

export function questionView(q: EventQuestionRow) {
  return {
    id: q.id,
    kind: q.kind,
    labelJa: q.labelJa,
    labelEn: q.labelEn,
    required: q.required,
    options: q.options.map((o) => ({ value: o.value, labelJa: o.labelJa, labelEn: o.labelEn ?? null })),
    maxLength: q.maxLength,
  };
}

/** The questions of an event the actor may see (a planned event is "not found" to the public). */
export async function getQuestions(ctx: Pick<Ctx, "db" | "who">, input: { eventId: string }) {
  const event = await getEvent(ctx, { id: input.eventId });
  return loadQuestions(ctx.db, event.id);
}

/** Ids the product gives to questions sent without one: the first free q1, q2… */
function givenIds(input: QuestionInputValue[]): string[] {
  const taken = new Set(input.flatMap((q) => (q.id ? [q.id] : [])));
  let n = 0;
  return input.map((q) => {
    if (q.id) return q.id;
    while (taken.has(`q${++n}`));
    taken.add(`q${n}`);
    return `q${n}`;
  });
}

/**
 * Replaces an event's questions. A question sent with its id keeps it and its answers (answers
 * are kept as given even if its options change); a question left out is removed with its
 * answers, which needs `force` when it has any (409 naming them otherwise).
 */
export async function replaceQuestions(
  ctx: Pick<Ctx, "db" | "who">,
  input: { eventId: string; questions: QuestionInputValue[]; force: boolean },
) {
  const { who } = ctx;
  return ctx.db.transaction(async (tx) => {
    const event = await lockEventForChange(tx, who.actor, input.eventId);
    const before = await loadQuestions(tx, event.id);
    const ids = givenIds(input.questions);
    const kept = new Set(ids);
    const removed = before.filter((q) => !kept.has(q.id));
    if (removed.length) {
      const answered = await tx
        .select({ id: registrationAnswers.questionId, n: count() })
        .from(registrationAnswers)
        .where(
          and(
            eq(registrationAnswers.eventId, event.id),
            inArray(
              registrationAnswers.questionId,
              removed.map((q) => q.id),
            ),
          ),
        )
        .groupBy(registrationAnswers.questionId);
      if (answered.length && !input.force) {
        const named = answered.map((a) => {
          const q = removed.find((r) => r.id === a.id)!;
          return { id: a.id, label: q.labelJa, answers: Number(a.n) };
        });
        throw new AppError(
          409,
          "questions-have-answers",
          "Questions have answers",
          `Removing ${named.map((q) => `${q.id} (${q.label}, ${q.answers} answers)`).join(", ")} would delete their answers; send force=true to remove them anyway.`,
          named.map((q) => ({ field: q.id, code: "has_answers", message: `has ${q.answers} answers` })),
        );
      }
      // Their answers go with them (foreign key, on delete cascade).
      await tx.delete(eventQuestions).where(
        and(
          eq(eventQuestions.eventId, event.id),
          inArray(
            eventQuestions.id,
            removed.map((q) => q.id),
          ),
        ),
      );
    }
    const byId = new Map(before.map((q) => [q.id, q]));
    for (const [i, q] of input.questions.entries()) {
      const id = ids[i]!;
      const values = {
        sortOrder: i,
        kind: q.kind,
        labelJa: q.labelJa,
        labelEn: q.labelEn ?? null,
        required: q.required,
        options: (q.options ?? []).map((o) => ({ value: o.value, labelJa: o.labelJa, labelEn: o.labelEn ?? null })),
        maxLength: q.maxLength ?? null,
        updatedAt: who.now,
      };
      if (byId.has(id))
        await tx
          .update(eventQuestions)
          .set(values)
          .where(and(eq(eventQuestions.eventId, event.id), eq(eventQuestions.id, id)));
      else await tx.insert(eventQuestions).values({ eventId: event.id, id, ...values, createdAt: who.now });
    }
    const after = await loadQuestions(tx, event.id);
    await audit(tx, who, {
      action: "questions.replace",
      entity: "event",
      entityId: event.id,
      before: { questions: before.map((q) => q.id) },
      after: { questions: after.map((q) => q.id), removed: removed.map((q) => q.id) },
    });
    return after;
  });
}

/**
 * An event's questions and the answers checked against them; ValidationFailed (answers.<id>)
 * otherwise. The one place where answers are checked, for the API, the form and the manage page.
 */
export async function validatedAnswers(db: Db, eventId: string, given: Answers | undefined, opts: { requireAll?: boolean } = {}) {
  const questions = await loadQuestions(db, eventId);
  const { answers, errors } = checkAnswers(questions, given, opts);
  return { questions, answers, errors, fail: () => (errors.length ? new ValidationFailed(errors) : null) };
}

/** Stores a registration's answers in place of what it had. */
export async function writeAnswers(tx: Db, registration: { id: string; eventId: string }, answers: Answers, now: Date) {
  await tx.delete(registrationAnswers).where(eq(registrationAnswers.registrationId, registration.id));
  const rows = Object.entries(answers).map(([questionId, value]) => ({
    registrationId: registration.id,
    eventId: registration.eventId,
    questionId,
    value,
    updatedAt: now,
  }));
  if (rows.length) await tx.insert(registrationAnswers).values(rows);
}

function byRegistration(rows: { registrationId: string; questionId: string; value: Answers[string] }[]) {
  const out = new Map<string, Answers>();
  for (const r of rows) {
    const a = out.get(r.registrationId) ?? {};
    a[r.questionId] = r.value;
    out.set(r.registrationId, a);
  }
  return out;
}

/** The answers of these registrations, by registration. */
export async function answersOf(db: Db, registrationIds: string[]): Promise<Map<string, Answers>> {
  if (!registrationIds.length) return new Map();
  return byRegistration(
    await db.select().from(registrationAnswers).where(inArray(registrationAnswers.registrationId, registrationIds)),
  );
}

/** Every answer of an event's registrations, by registration (the desk reads them all at once). */
export async function answersOfEvent(db: Db, eventId: string): Promise<Map<string, Answers>> {
  return byRegistration(await db.select().from(registrationAnswers).where(eq(registrationAnswers.eventId, eventId)));
}

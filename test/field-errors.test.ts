/** Field errors said in ja and en by zod's issue code and parameters, and by the product's reasons and codes. */
import { describe, expect, it } from "vitest";
import { FIELD_REASONS, type FieldError } from "../api/errors.ts";
import { EventCreate } from "../api/events/schemas.ts";
import { fieldErrors, REPORT_INPUT } from "../api/lib/field-errors.ts";
import { RegistrationCreate } from "../api/registrations/schemas.ts";
import { fieldMessage } from "../web/i18n/field-errors.ts";

const registrant = {
  name: "山田 太郎",
  nameKana: "ヤマダ タロウ",
  email: "taro@example.jp",
  organization: "北大",
  sector: "academia",
};
const event = { kind: "seminar", titleJa: "催し", startsAt: "2026-06-12", endsAt: "2026-06-12" };

/** The first error of a field, as a page parses (its input reported). */
function errorOf(schema: typeof RegistrationCreate | typeof EventCreate, input: unknown, field: string): FieldError {
  const parsed = schema.safeParse(input, REPORT_INPUT);
  if (parsed.success) throw new Error("parsed");
  const e = fieldErrors(parsed.error).find((f) => f.field === field);
  if (!e) throw new Error(`no error for ${field}: ${JSON.stringify(fieldErrors(parsed.error))}`);
  return e;
}
const both = (e: FieldError) => [fieldMessage(e, "ja"), fieldMessage(e, "en")];

describe("field errors on the pages", () => {
  it.each([
    [
      "a value left out",
      RegistrationCreate,
      { ...registrant, name: undefined },
      "name",
      "必須項目です。入力してください。",
      "This field is required.",
    ],
    [
      "a value left empty",
      RegistrationCreate,
      { ...registrant, name: "　" },
      "name",
      "必須項目です。入力してください。",
      "This field is required.",
    ],
    [
      "too long",
      RegistrationCreate,
      { ...registrant, organization: "x".repeat(201) },
      "organization",
      "200文字以内で入力してください。",
      "Enter at most 200 characters.",
    ],
    [
      "below the least",
      EventCreate,
      { ...event, capacity: -5 },
      "capacity",
      "0 以上の整数で入力してください。",
      "Enter a whole number, 0 or more.",
    ],
    [
      "text for a number",
      EventCreate,
      { ...event, capacity: "abc" },
      "capacity",
      "0 以上の整数で入力してください。",
      "Enter a whole number, 0 or more.",
    ],
    [
      "above the most",
      EventCreate,
      { ...event, capacity: 2_000_000 },
      "capacity",
      "1000000 以下の数で入力してください。",
      "Enter a number no larger than 1000000.",
    ],
    ["not an option", RegistrationCreate, { ...registrant, sector: "x" }, "sector", "選択してください。", "Choose one."],
  ] as const)("say %s by zod's code and parameters", (_, schema, input, field, ja, en) => {
    expect(both(errorOf(schema, input, field))).toEqual([ja, en]);
  });

  it("say the product's own checks by their reason, not their English message", () => {
    const said = (input: unknown, field: string, schema: typeof RegistrationCreate | typeof EventCreate = RegistrationCreate) =>
      fieldMessage(errorOf(schema, input, field), "ja");
    expect(said({ ...registrant, email: "taro" }, "email")).toMatch(/^メールアドレスの形式で/);
    expect(said({ ...registrant, nameKana: "yamada1" }, "nameKana")).toBe("カタカナ（またはローマ字）で入力してください。");
    expect(said({ ...registrant, name: "山田\n太郎" }, "name")).toBe("改行を含めずに入力してください。");
    expect(said({ ...registrant, name: "山田\u0007" }, "name")).toBe("使用できない文字が含まれています。");
    expect(said({ ...event, endsAt: "2026-06-31" }, "endsAt", EventCreate)).toBe("存在する日付を入力してください。");
    expect(said({ ...event, endsAt: "June 12" }, "endsAt", EventCreate)).toBe("日時を正しく入力してください。");
    expect(said({ ...event, endsAt: "2200-01-01" }, "endsAt", EventCreate)).toBe(
      "1900年から2100年までの日付を入力してください。",
    );
  });

  it("say the services' field errors by code and reason", () => {
    const before: FieldError = {
      field: "endsAt",
      code: "too_small",
      message: "must not be before startsAt",
      params: { reason: "before", after: "startsAt" },
    };
    expect(both(before)).toEqual(["開始より後の日時を指定してください。", "Must not be before the start."]);
    const scope: FieldError = { field: "block", code: "out_of_scope", message: "must be a block you organise" };
    expect(both(scope)).toEqual(["担当しているブロックを選んでください。", "Choose a block you organise."]);
    const unknown: FieldError = { field: "preferences.0", code: "unknown", message: 'no booth "Z-9" on the floor plan' };
    expect(both(unknown)).toEqual(["登録されていない値です。", 'No booth "Z-9" on the floor plan.']);
  });

  it("never show zod's own English to people", () => {
    const e: FieldError = { field: "x", code: "invalid_union", message: "Invalid input" };
    expect(both(e)).toEqual(["入力内容を確認してください。", "Please check this value."]);
  });

  it("has words for every reason", () => {
    for (const reason of FIELD_REASONS) {
      const e: FieldError = { field: "x", code: "custom", message: "m", params: { reason } };
      expect(fieldMessage(e, "ja"), reason).toMatch(/[^\x00-\x7f]/);
      expect(fieldMessage(e, "en"), reason).not.toBe("M.");
    }
  });

  it("report the missing value to the API only as zod's code and message (no input reported there)", () => {
    const parsed = RegistrationCreate.safeParse({});
    expect(parsed.success).toBe(false);
    const name = fieldErrors(parsed.error!).find((f) => f.field === "name")!;
    expect(name).toMatchObject({ code: "invalid_type", params: { expected: "string" } });
    expect(name.params?.missing).toBeUndefined();
  });
});

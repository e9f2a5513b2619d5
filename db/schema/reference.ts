import { integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";

/** The 10 regional blocks of the regional S&T promotion councils (地域ブロック協議会). */
export const blocks = pgTable("blocks", {
  code: text("code").primaryKey(),
  nameJa: text("name_ja").notNull(),
  nameEn: text("name_en").notNull(),
  sortOrder: integer("sort_order").notNull(),
  /** 1 or 2 council meetings a fiscal year; the planner uses it. */
  councilCadence: integer("council_cadence").notNull().default(2),
  contactEmail: text("contact_email"),
});

export const prefectures = pgTable("prefectures", {
  /** JIS X 0401 code, "01".."47". */
  code: text("code").primaryKey(),
  nameJa: text("name_ja").notNull().unique(),
  nameEn: text("name_en").notNull(),
  blockCode: text("block_code")
    .notNull()
    .references(() => blocks.code),
});

/** Reference material from the source documents: bureaus, clusters, councils, areas. */
export const bureaus = pgTable("bureaus", {
  code: text("code").primaryKey(),
  nameJa: text("name_ja").notNull(),
  nameEn: text("name_en"),
  blockCode: text("block_code").references(() => blocks.code),
});

export const clusters = pgTable("clusters", {
  code: text("code").primaryKey(),
  /** knowledge | industrial | continuing */
  programme: text("programme").notNull(),
  nameJa: text("name_ja").notNull(),
  nameEn: text("name_en"),
  regionJa: text("region_ja"),
  regionEn: text("region_en"),
  blockCode: text("block_code").references(() => blocks.code),
  bureauCode: text("bureau_code").references(() => bureaus.code),
  fieldJa: text("field_ja"),
  fieldEn: text("field_en"),
  companies: integer("companies"),
  universities: integer("universities"),
  /** For continuing areas: global | city */
  areaType: text("area_type"),
  fiscalYearFrom: integer("fiscal_year_from"),
  fiscalYearTo: integer("fiscal_year_to"),
  themeJa: text("theme_ja"),
  extra: jsonb("extra"),
});

export const councils = pgTable("councils", {
  code: text("code").primaryKey(),
  nameJa: text("name_ja").notNull(),
  nameEn: text("name_en"),
  regionJa: text("region_ja"),
  blockCode: text("block_code").references(() => blocks.code),
  membersJa: text("members_ja"),
});

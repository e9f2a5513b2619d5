/** Words of an event's programme (timetable), in Japanese and English. */
import { words } from "../../lib/words.ts";

export const PROGRAMME_WORDS = words({
  ja: {
    heading: "プログラム",
    chair: (name: string) => `座長：${name}`,
    subscribe: "プログラムをカレンダーに追加",
    allRooms: "全体",
    room: "会場",
  },
  en: {
    heading: "Programme",
    chair: (name) => `Chair: ${name}`,
    subscribe: "Add the programme to your calendar",
    allRooms: "All rooms",
    room: "Room",
  },
});

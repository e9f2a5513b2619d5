import type { Actor, Staff } from "../deps.ts";
import { NotFound, Unauthorized } from "../errors.ts";

/** The caller must be staff (administrator or organiser). */
export function staff(actor: Actor): Staff {
  if (actor.kind === "anonymous") throw new Unauthorized();
  return actor;
}

/**
 * Whether the actor may see and change an event: block scope covers the events of those blocks,
 * event scope covers those events.
 */
export function coversEvent(actor: Actor, event: { id: string; blockCode: string | null }): boolean {
  if (actor.kind === "admin") return true;
  if (actor.kind !== "organiser") return false;
  return actor.scopes.events.includes(event.id) || (event.blockCode !== null && actor.scopes.blocks.includes(event.blockCode));
}

export function coversBlock(actor: Actor, block: string | null | undefined): boolean {
  if (actor.kind === "admin") return true;
  return actor.kind === "organiser" && !!block && actor.scopes.blocks.includes(block);
}

/** Out of scope is answered exactly like "not found", so nothing private leaks. */
export function assertCoversEvent(actor: Actor, event: { id: string; blockCode: string | null }) {
  staff(actor);
  if (!coversEvent(actor, event)) throw new NotFound("event");
}

export function actorLabel(actor: Actor): { actorKind: string; actorId: string; actorLabel: string | null } {
  if (actor.kind === "anonymous") return { actorKind: "anonymous", actorId: "-", actorLabel: null };
  return { actorKind: actor.kind, actorId: actor.id, actorLabel: actor.label };
}

/** Who does a thing and on which device; every command carries one. */
export interface Actor {
  staffId: string;
  name: string;
  deviceCode: string;
}

export interface CommandContext {
  actor: Actor;
  /** ISO 8601 time the command was issued (device clock). */
  now: string;
}

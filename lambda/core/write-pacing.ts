// When the handler sends CreateEngagementInvitation: paced on the write quota instead of hammering it. Partner Central
// Selling takes 1 write request per second per partner account (AWS Partner Central developer guide, "Quotas"), and
// the invitations of a stack run in a few creation chains (lib/core/creation-chains.ts), each invocation a Lambda
// invocation of its own with no channel to the others. What they share is the clock (execution environments
// synchronize it with NTP: Lambda developer guide, "Defined runtime environment variables", TZ), so the writes go out
// on slots of one grid on it, a slot per planned request; a skew costs a throttled request at worst, never a second
// invitation. A chain that got a slot comes back to the same lane one round later (as many slots as invitations in
// flight), so once the chains hold distinct lanes they no longer collide. A throttled write (two chains in one lane,
// or another writer of the account took the token) tries the next slot. bench/retry-simulation.ts compares this with
// the retries it replaced.
import { AttemptSchedule } from './call-retries';
import {
  CHAIN_HEADS_ENV, chainHeadKey, DOCUMENTED_WRITE_RATE, INVITATIONS_IN_FLIGHT_ENV, MAX_PACED_WAIT_SECONDS, PLANNED_WRITE_RATE_ENV,
} from '../../lib/core/contract';

/** What the function's environment says of the deployment's plan. */
export interface WritePacing {
  /** Invitations of the stack that may be in flight at once. */
  readonly inFlight: number;
  /** Write requests per second the deployment plans for. */
  readonly writesPerSecond: number;
  /** This invitation is the first of the chain at this index (chains start together, each needs a lane of its own). */
  readonly chainHead?: number;
}

/**
 * A slot is this much longer than the quota's own period, so that the few ms by which one request arrives later
 * than the one before it do not get it throttled (the quota refills continuously).
 */
export const SLOT_GUARD = 0.05;

/**
 * The plan in the environment for the invitation `logicalId`; undefined (no pacing, the retries alone) when it is
 * absent or not valid.
 */
export function writePacingFrom(logicalId: string, env: Record<string, string | undefined> = process.env): WritePacing | undefined {
  const inFlight = Number(env[INVITATIONS_IN_FLIGHT_ENV]);
  const writesPerSecond = Number(env[PLANNED_WRITE_RATE_ENV]);
  if (!Number.isInteger(inFlight) || inFlight < 1 || !(writesPerSecond > 0) || !Number.isFinite(writesPerSecond)) return undefined;
  const chainHead = (env[CHAIN_HEADS_ENV] ?? '').split(' ').indexOf(chainHeadKey(logicalId));
  return { inFlight, writesPerSecond, ...(chainHead >= 0 && chainHead < inFlight ? { chainHead } : {}) };
}

export interface Lanes {
  /** One slot: the period of the quota (or of the planned rate when it is higher), plus the guard. */
  readonly slotMs: number;
  /** Slots in one round, the period of each lane: the planned time of `inFlight` writes. */
  readonly roundSlots: number;
}

/**
 * The grid. Under a planned rate below the quota, the round holds more slots than chains: the free ones are the
 * room left to the account's other writers, and where a throttled write of the stack finds a token.
 */
export function lanesOf(pacing: WritePacing): Lanes {
  const slotMs = (1_000 / Math.max(pacing.writesPerSecond, DOCUMENTED_WRITE_RATE)) * (1 + SLOT_GUARD);
  const planned = Math.ceil((pacing.inFlight * 1_000) / pacing.writesPerSecond / slotMs - 1e-9);
  const longest = Math.max(1, Math.floor((MAX_PACED_WAIT_SECONDS * 1_000) / slotMs + 1e-9));
  return { slotMs, roundSlots: Math.max(1, Math.min(planned, longest)) };
}

/**
 * The schedule of an invocation that started at `startedAt` (epoch ms). Its first write goes out one round after the
 * slot it started in: CloudFormation starts an invitation right after the one before it in its chain succeeded, so
 * that slot is the chain's lane, whatever the time CloudFormation and Lambda took in between (up to one slot; beyond,
 * the chain moves one lane on, which costs time, not requests). The first invitations of the chains, which start
 * together, take the lanes after their start slot one by one, spread over the round. Retries go out on the next slot.
 */
export function pacedSchedule(pacing: WritePacing, startedAt: number): AttemptSchedule {
  const { slotMs, roundSlots } = lanesOf(pacing);
  const startSlot = Math.floor(startedAt / slotMs);
  const spacing = Math.max(1, Math.floor(roundSlots / pacing.inFlight));
  return {
    firstAttemptAt: (startSlot + (pacing.chainHead !== undefined ? 1 + pacing.chainHead * spacing : roundSlots)) * slotMs,
    nextAttemptAt: (now) => (Math.floor(now / slotMs) + 1) * slotMs,
  };
}

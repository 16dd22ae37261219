// The pacing of CreateEngagementInvitation: the plan read from the function's environment, the grid of slots on the
// clock, and the lanes the chains of a stack keep on it.
import { lanesOf, pacedSchedule, SLOT_GUARD, writePacingFrom } from '../../lambda/core/write-pacing';
import { CHAIN_HEADS_ENV, chainHeadKey, INVITATIONS_IN_FLIGHT_ENV, PLANNED_WRITE_RATE_ENV } from '../../lib/core/contract';

const env = (inFlight?: string, rate?: string) => ({ [INVITATIONS_IN_FLIGHT_ENV]: inFlight, [PLANNED_WRITE_RATE_ENV]: rate });

describe('the plan in the environment', () => {
  test('is read from both variables', () => {
    expect(writePacingFrom('Invitation7', env('5', '1'))).toEqual({ inFlight: 5, writesPerSecond: 1 });
    expect(writePacingFrom('Invitation7', env('2', '0.25'))).toEqual({ inFlight: 2, writesPerSecond: 0.25 });
  });

  test.each([
    ['absent (unlimited chains, or a function deployed before pacing)', undefined, undefined],
    ['no invitation in the stack', '0', '1'],
    ['a fraction of an invitation', '2.5', '1'],
    ['no rate', '5', undefined],
    ['a zero rate', '5', '0'],
    ['a rate that is not a number', '5', 'fast'],
  ])('is none when %s: the writes go at once and retry as before', (_case, inFlight, rate) => {
    expect(writePacingFrom('Invitation7', env(inFlight, rate))).toBeUndefined();
  });

  test('names the chain of an invitation that is the first of one', () => {
    const heads = ['Invitation0', 'Invitation1', 'Invitation2'].map(chainHeadKey).join(' ');
    const withHeads = { ...env('3', '1'), [CHAIN_HEADS_ENV]: heads };
    expect(writePacingFrom('Invitation2', withHeads)).toEqual({ inFlight: 3, writesPerSecond: 1, chainHead: 2 });
    expect(writePacingFrom('Invitation3', withHeads)).toEqual({ inFlight: 3, writesPerSecond: 1 });
    expect(chainHeadKey('Invitation2')).toMatch(/^[0-9a-f]{8}$/);
  });
});

describe('the grid', () => {
  test('at the documented 1 request/s: a slot of 1.05 s, a round of one slot per invitation in flight', () => {
    expect(lanesOf({ inFlight: 5, writesPerSecond: 1 })).toEqual({ slotMs: 1_000 * (1 + SLOT_GUARD), roundSlots: 5 });
    expect(lanesOf({ inFlight: 1, writesPerSecond: 1 })).toEqual({ slotMs: 1_050, roundSlots: 1 });
  });

  test('a rate below the quota keeps the quota\'s slot and lengthens the round: the free slots are the others\' room', () => {
    expect(lanesOf({ inFlight: 5, writesPerSecond: 0.5 })).toEqual({ slotMs: 1_050, roundSlots: 10 });
    expect(lanesOf({ inFlight: 5, writesPerSecond: 0.25 })).toEqual({ slotMs: 1_050, roundSlots: 20 });
  });

  test('a rate above the documented quota (a raised quota) shortens the slot', () => {
    expect(lanesOf({ inFlight: 5, writesPerSecond: 2 })).toEqual({ slotMs: 525, roundSlots: 5 });
  });

  test('a round never makes an invitation wait more than 21 s for its first write', () => {
    const { slotMs, roundSlots } = lanesOf({ inFlight: 50, writesPerSecond: 0.1 });
    expect(roundSlots * slotMs).toBeLessThanOrEqual(21_000);
    expect(roundSlots).toBe(20);
  });
});

describe('the schedule of one invocation', () => {
  const pacing = { inFlight: 5, writesPerSecond: 1 };
  const slot = 1_050;
  const slotStart = 1_700_000_000 * slot; // a slot boundary on the epoch clock

  test('the first write goes one round after the slot the invocation started in', () => {
    expect(pacedSchedule(pacing, slotStart).firstAttemptAt).toBe(slotStart + 5 * slot);
    expect(pacedSchedule(pacing, slotStart + 900).firstAttemptAt).toBe(slotStart + 5 * slot);
  });

  test('a chain keeps its lane: started up to one slot after its last write, its next write is one round later', () => {
    // The chain wrote at slotStart; CloudFormation and Lambda started the next invitation 300 ms or 1 s later.
    for (const overheadMs of [300, 1_000]) {
      expect(pacedSchedule(pacing, slotStart + overheadMs).firstAttemptAt).toBe(slotStart + 5 * slot);
    }
    // Later than one slot, it moves one lane on: a round one slot longer, no request more.
    expect(pacedSchedule(pacing, slotStart + slot + 100).firstAttemptAt).toBe(slotStart + 6 * slot);
  });

  test('the first invitations of the chains, started together, take the lanes after their start slot one by one', () => {
    const firstSlots = [0, 1, 2, 3, 4].map((chainHead) => pacedSchedule({ ...pacing, chainHead }, slotStart + 200).firstAttemptAt);
    expect(firstSlots).toEqual([1, 2, 3, 4, 5].map((n) => slotStart + n * slot));
    // Under a planned rate below the quota they are spread over the round, a free slot between two.
    const halfRate = [0, 1, 2].map((chainHead) => pacedSchedule({ inFlight: 3, writesPerSecond: 0.5, chainHead }, slotStart).firstAttemptAt);
    expect(halfRate).toEqual([1, 3, 5].map((n) => slotStart + n * slot));
  });

  test('a throttled write retries on the next slot, never on the one it was answered in', () => {
    const { nextAttemptAt } = pacedSchedule(pacing, slotStart);
    expect(nextAttemptAt(slotStart + 20)).toBe(slotStart + slot);
    expect(nextAttemptAt(slotStart + slot)).toBe(slotStart + 2 * slot);
  });
});

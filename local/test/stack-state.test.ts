// The local deploy's state folder: a stack state file that cannot be read is named, with how to reset it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DeployedStack, StackStateStore } from '../src/local-deploy/stack-state';

let stateDir: string;
beforeEach(() => { stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stack-state-')); });
afterEach(() => fs.rmSync(stateDir, { recursive: true, force: true }));

const stack = (stackName: string): DeployedStack => ({
  stackName,
  stackId: `arn:aws:cloudformation:us-east-1:123456789012:stack/${stackName}/1`,
  status: 'CREATE_COMPLETE',
  resources: { P: { type: 'AWS::SSM::Parameter', physicalId: 'p', properties: {}, attributes: {}, dependsOn: [], deletionPolicy: 'Retain' } },
  outputs: { Out: { value: 'v', exportName: 'Exported' } },
  imports: [],
});

test('saved stacks read back, their deletion policies included', () => {
  const states = new StackStateStore(stateDir);
  states.save(stack('Good'));

  expect(states.load('Good')).toEqual(stack('Good'));
  expect(states.all()).toEqual([stack('Good')]);
  expect(states.findExport('Exported')).toEqual({ stackName: 'Good', value: 'v' });
});

test.each([
  ['not JSON', '{ "stackName": "Bad", '],
  ['empty', ''],
  ['JSON of another shape', 'null'],
  ['a stack without its resources', JSON.stringify({ stackName: 'Bad', outputs: {}, imports: [] })],
])('a corrupted state file (%s): every read names it and says how to reset', (_name, content) => {
  const states = new StackStateStore(stateDir);
  states.save(stack('Good'));
  const file = path.join(stateDir, 'stacks', 'Bad.json');
  fs.writeFileSync(file, content);
  const message = new RegExp(`^local deploy state ${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is corrupted \\(.+\\)\\. `
    + `To reset it, delete that file .* or the whole state folder: rm -rf ${stateDir.replace(/[.]/g, '\\.')}$`);

  expect(() => states.load('Bad')).toThrow(message);
  expect(() => states.all()).toThrow(message);
  expect(() => states.findExport('Exported')).toThrow(message);
  expect(states.load('Good')).toEqual(stack('Good'));
});

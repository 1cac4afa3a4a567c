// The Magento module's PHP, run: its PHPUnit suite (module-config/Test/Unit, against stand-ins
// for the Magento classes it uses) once, each PHP test case reported here as a test of its own; and,
// when MAGENTO_ROOT names a Magento 2.4.8 tree outside this repository, every module class loaded
// against the real framework and put through the constructor-integrity check of setup:di:compile.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { childrenNamed, parseXml, type XmlElement } from '../support/xml-tree.js';

const REPOSITORY = fileURLToPath(new URL('../../', import.meta.url));
const MODULE = join(REPOSITORY, 'module-config');
const TEST_NAMESPACE = 'Forcebridge\\Connector\\Test\\Unit\\';

interface PhpCase {
  title: string;
  outcome: 'passed' | 'failed' | 'skipped';
  message: string;
}

function hasCommand(command: string): boolean {
  return spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;
}

function testCases(element: XmlElement): XmlElement[] {
  return [...childrenNamed(element, 'testcase'), ...childrenNamed(element, 'testsuite').flatMap(testCases)];
}

/** Runs PHPUnit once; its JUnit report names every case and how it ended. */
function runPhpUnit(): PhpCase[] {
  const directory = mkdtempSync(join(tmpdir(), 'forcebridge-phpunit-'));
  try {
    const report = join(directory, 'junit.xml');
    const run = spawnSync('phpunit', ['-c', join(MODULE, 'phpunit.xml.dist'), '--log-junit', report], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    let xml: string;
    try {
      xml = readFileSync(report, 'utf8');
    } catch {
      return [{ title: 'PHPUnit runs', outcome: 'failed', message: `PHPUnit wrote no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}` }];
    }
    return testCases(parseXml(xml)).map((testCase) => {
      const problem = [...childrenNamed(testCase, 'failure'), ...childrenNamed(testCase, 'error'), ...childrenNamed(testCase, 'warning')][0];
      const skipped = childrenNamed(testCase, 'skipped')[0];
      return {
        title: `${(testCase.attributes.class ?? '').replace(TEST_NAMESPACE, '')}: ${testCase.attributes.name}`,
        outcome: problem ? 'failed' : skipped ? 'skipped' : 'passed',
        message: problem?.text.trim() ?? skipped?.text.trim() ?? '',
      };
    });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

describe('module-config: PHP unit tests (PHPUnit)', function () {
  this.timeout(60_000);
  if (!hasCommand('phpunit')) {
    it('runs the PHPUnit suite', function () {
      console.log("      skipped: phpunit is not installed (Debian's phpunit; .ci/run installs it)");
      this.skip();
    });
    return;
  }
  const cases = runPhpUnit();

  it('finds the PHP test cases', () => {
    expect(cases.length).to.be.greaterThan(100);
  });

  for (const testCase of cases) {
    it(testCase.title, function () {
      if (testCase.outcome === 'skipped') {
        console.log(`      skipped: ${testCase.message}`);
        this.skip();
      }
      if (testCase.outcome === 'failed') throw new Error(testCase.message);
    });
  }
});

describe('module-config: classes against Magento 2.4.8 (MAGENTO_ROOT)', function () {
  this.timeout(120_000);
  const root = process.env.MAGENTO_ROOT;
  const why = !root
    ? 'MAGENTO_ROOT does not name a Magento 2.4.8 tree'
    : !relative(REPOSITORY, resolve(root)).startsWith('..')
      ? `MAGENTO_ROOT (${root}) is inside this repository; keep Magento's files outside it`
      : !hasCommand('php')
        ? 'php is not installed'
        : undefined;
  if (why) {
    it('loads every module class and runs the constructor-integrity check', function () {
      console.log(`      skipped: ${why}`);
      this.skip();
    });
    return;
  }
  const run = spawnSync('php', [join(MODULE, 'Test/Integrity/check.php'), resolve(root!)], { encoding: 'utf8' });
  const results = run.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { class: string; error: string | null });

  it('checks every class of the module', () => {
    expect(run.status, run.stderr).to.equal(0);
    expect(results.length).to.be.greaterThan(40);
  });

  for (const result of results) {
    it(`${result.class} loads and passes ConstructorIntegrity`, () => {
      if (result.error !== null) throw new Error(result.error);
    });
  }
});

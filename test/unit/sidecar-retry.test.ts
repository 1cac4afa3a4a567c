import { expect } from 'chai';
import sinon from 'sinon';
import { ApiLimitExceededError, backoffDelay, isTransient, withRetries, type RetryPolicy } from '../../sidecar/salesforce/retry.js';

const apiError = (errorCode: string) => Object.assign(new Error(errorCode), { errorCode, name: errorCode });

describe('Salesforce retries', () => {
  const policy: RetryPolicy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.5, sleep: async () => {} };

  it('retries transient failures until the call succeeds', async () => {
    const call = sinon.stub();
    call.onCall(0).rejects(apiError('ERROR_HTTP_503'));
    call.onCall(1).rejects(Object.assign(new Error('request to http://x failed, reason: socket hang up'), { code: 'ECONNRESET' }));
    call.onCall(2).rejects(apiError('UNABLE_TO_LOCK_ROW'));
    call.onCall(3).resolves('done');
    expect(await withRetries(call, policy)).to.equal('done');
    expect(call.callCount).to.equal(4);
  });

  it('does not retry a validation error', async () => {
    const call = sinon.stub().rejects(apiError('REQUIRED_FIELD_MISSING'));
    await withRetries(call, policy).then(
      () => expect.fail('should have failed'),
      (error: Error) => expect(error.message).to.equal('REQUIRED_FIELD_MISSING'),
    );
    expect(call.callCount).to.equal(1);
  });

  it('gives up after the configured attempts with the last error', async () => {
    const call = sinon.stub().rejects(apiError('ERROR_HTTP_500'));
    const error = await withRetries(call, policy).catch((e: Error) => e);
    expect((error as Error).message).to.equal('ERROR_HTTP_500');
    expect(call.callCount).to.equal(4);
  });

  it('turns REQUEST_LIMIT_EXCEEDED into a pause signal without retrying', async () => {
    const call = sinon.stub().rejects(apiError('REQUEST_LIMIT_EXCEEDED'));
    const error = await withRetries(call, policy).catch((e: Error) => e);
    expect(error).to.be.instanceOf(ApiLimitExceededError);
    expect(call.callCount).to.equal(1);
  });

  it('backs off exponentially up to the ceiling, with jitter', () => {
    expect(backoffDelay(0, policy)).to.equal(50);
    expect(backoffDelay(2, policy)).to.equal(200);
    expect(backoffDelay(10, policy)).to.equal(500);
    expect(backoffDelay(3, { ...policy, random: () => 0 })).to.equal(0);
  });

  it('classifies errors', () => {
    expect(isTransient(apiError('INVALID_FIELD'))).to.equal(false);
    expect(isTransient(apiError('ERROR_HTTP_502'))).to.equal(true);
    expect(isTransient(apiError('UNKNOWN_EXCEPTION')), "a 500's body code").to.equal(true);
  });
});

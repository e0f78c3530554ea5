import { Alert, Button, Stack } from '@mantine/core';
import { useState } from 'react';
import type { AuditVerificationView } from '../../../../../shared/contract/audit';
import { adminCall } from '../admin-call';
import '../../../components/action-notice.css';

type VerifyState = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; result: AuditVerificationView } | { kind: 'failed'; message: string };

/** "Verify audit trail": recomputes the hash chain in main and says whether every entry is as it was written. */
export function AuditVerify() {
  const [state, setState] = useState<VerifyState>({ kind: 'idle' });

  async function verify() {
    setState({ kind: 'running' });
    const result = await adminCall((api) => api.audit.verify());
    setState(result.ok ? { kind: 'done', result: result.value } : { kind: 'failed', message: result.error.message });
  }

  return (
    <Stack gap="sm" align="flex-start">
      <Button variant="default" onClick={() => void verify()} loading={state.kind === 'running'}>
        Verify audit trail
      </Button>
      {state.kind === 'done' && state.result.ok && (
        <Alert
          color="green"
          variant="light"
          role="status"
          title={
            <span className="action-notice-title" data-tone="success">
              The audit trail checks out
            </span>
          }
          classNames={{ message: 'alert-message' }}
        >
          All {state.result.count.toLocaleString('en-US')} entries are exactly as they were written. None were changed, removed or added outside CareDesk.
        </Alert>
      )}
      {state.kind === 'done' && !state.result.ok && (
        <Alert color="red" variant="light" role="alert" title={`The audit trail does not check out at entry ${state.result.firstBadSeq}`} classNames={{ title: 'alert-title', message: 'alert-message' }}>
          {state.result.message} ({state.result.count.toLocaleString('en-US')} entries before it check out.)
        </Alert>
      )}
      {state.kind === 'failed' && (
        <Alert color="red" variant="light" role="alert" title="The audit trail could not be checked" classNames={{ title: 'alert-title', message: 'alert-message' }}>
          {state.message}
        </Alert>
      )}
    </Stack>
  );
}

import { Alert, DataList, Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { AppStatus } from '../../../../shared/contract/app';
import { formatBytes } from './format-bytes';
import { useAppStatus } from './use-app-status';

/** What the About box says: loading, the facts, or why the facts are not available. */
export function AboutDetails() {
  const state = useAppStatus();
  switch (state.kind) {
    case 'loading':
      return (
        <Group gap="sm" role="status">
          <Loader size="sm" aria-hidden="true" />
          <Text>Reading version and database details…</Text>
        </Group>
      );
    case 'failed':
      return (
        <Alert color="red" variant="outline" title="Details not available" role="alert" classNames={{ title: 'alert-title', message: 'alert-message' }}>
          {state.message}
        </Alert>
      );
    case 'loaded':
      return <AboutFacts status={state.status} />;
  }
}

function AboutFacts({ status }: { status: AppStatus }) {
  return (
    <DataList size="md" labelWidth="13rem" withDivider className="about-facts">
      <Fact label="App version">{status.appVersion}</Fact>
      <Fact label="Database schema version">{status.schemaVersion ?? 'Shown after sign-in'}</Fact>
      <Fact label="Patient data">{describeEncryption(status.encryption)}</Fact>
      <Fact label="Data folder size">{formatBytes(status.dataFolderBytes)}</Fact>
    </DataList>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

function describeEncryption(encryption: AppStatus['encryption']): string {
  // An unencrypted database should never happen; if it does, say so plainly rather than hide it.
  return encryption.enabled ? `Encrypted (${encryption.cipher})` : 'Not encrypted — tell your administrator';
}

import { Alert, Button, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { useEffect } from 'react';
import { ReadingStatus } from '../../components/ReadingStatus';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useSessionStore } from '../../session/session-store';
import { ADMIN_TABS, useAdminStore, type AdminTab } from './admin-store';
import { AuditTab } from './audit/AuditTab';
import { BackupsTab } from './backups/BackupsTab';
import { ClinicSettingsTab } from './settings/ClinicSettingsTab';
import { ClosuresTab } from './scheduling/ClosuresTab';
import { ProvidersTab } from './scheduling/ProvidersTab';
import { RoomsTab } from './scheduling/RoomsTab';
import { TypesTab } from './scheduling/TypesTab';
import './scheduling/setup.css';
import { StaffTab } from './staff/StaffTab';
import './admin.css';

const TAB_LABELS: Record<AdminTab, string> = {
  staff: 'Staff',
  providers: 'Providers & hours',
  rooms: 'Rooms',
  types: 'Appointment types',
  closures: 'Closures',
  audit: 'Audit trail',
  backups: 'Backups',
  settings: 'Clinic settings',
};

/** Staff accounts, scheduling set-up, the audit trail, backups and clinic settings: administrators only (main enforces it too). */
export function AdminScreen() {
  const isAdmin = useSessionStore((state) => state.view.kind === 'ready' && state.view.state.user?.role === 'admin');
  return (
    <Stack gap="lg">
      <ScreenHeading>Admin</ScreenHeading>
      {isAdmin ? <AdminTabs /> : <AdministratorsOnly />}
    </Stack>
  );
}

function AdministratorsOnly() {
  return (
    <Paper withBorder radius="md" p="xl" maw={720} className="admin-only">
      <Text size="lg" fw={600}>
        Only administrators can use Admin.
      </Text>
      <Text mt="sm">Ask an administrator at your clinic to add or change a staff account, set up providers, rooms and appointment types, make a backup or look at the audit trail.</Text>
    </Paper>
  );
}

function AdminTabs() {
  const tab = useAdminStore((state) => state.tab);
  const setTab = useAdminStore((state) => state.setTab);
  const clinic = useAdminStore((state) => state.clinic);
  const loadClinic = useAdminStore((state) => state.loadClinic);
  useEffect(() => {
    void loadClinic();
  }, [loadClinic]);

  if (clinic.kind === 'loading') {
    return (
      <ReadingStatus>Reading the clinic’s settings…</ReadingStatus>
    );
  }
  if (clinic.kind === 'failed') {
    return (
      <Alert color="red" variant="light" role="alert" title="Admin could not open" classNames={{ title: 'alert-title', message: 'alert-message' }}>
        {clinic.message}
        <Group mt="sm">
          <Button onClick={() => void loadClinic()}>Try again</Button>
        </Group>
      </Alert>
    );
  }
  return (
    <Tabs value={tab} onChange={(value) => value && setTab(value as AdminTab)} keepMounted={false} className="admin-tabs">
      <Tabs.List aria-label="Admin sections">
        {ADMIN_TABS.map((id) => (
          <Tabs.Tab key={id} value={id} className="admin-tab">
            {TAB_LABELS[id]}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="staff" pt="lg">
        <StaffTab />
      </Tabs.Panel>
      <Tabs.Panel value="providers" pt="lg">
        <ProvidersTab />
      </Tabs.Panel>
      <Tabs.Panel value="rooms" pt="lg">
        <RoomsTab />
      </Tabs.Panel>
      <Tabs.Panel value="types" pt="lg">
        <TypesTab />
      </Tabs.Panel>
      <Tabs.Panel value="closures" pt="lg">
        <ClosuresTab />
      </Tabs.Panel>
      <Tabs.Panel value="audit" pt="lg">
        <AuditTab />
      </Tabs.Panel>
      <Tabs.Panel value="backups" pt="lg">
        <BackupsTab />
      </Tabs.Panel>
      <Tabs.Panel value="settings" pt="lg">
        <ClinicSettingsTab />
      </Tabs.Panel>
    </Tabs>
  );
}

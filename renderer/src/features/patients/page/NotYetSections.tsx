import { Paper, SimpleGrid, Text, Title } from '@mantine/core';

const SECTIONS = [
  { title: 'Appointments', empty: 'No appointments yet: scheduling is not built yet.' },
  { title: 'Intake', empty: 'No intake forms yet: intake forms are not built yet.' },
  { title: 'Insurance', empty: 'No insurance on file yet: insurance verification is not built yet.' },
  { title: 'Care plan', empty: 'No care plan yet: care plans are not built yet.' },
] as const;

/** The parts of the page later capabilities fill, each saying plainly that it is empty and why. No sample data. */
export function NotYetSections() {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {SECTIONS.map((section) => (
        <Paper key={section.title} component="section" aria-label={section.title} withBorder radius="md" p="md" className="patient-section patient-section-empty">
          <Title order={3} size="h4">
            {section.title}
          </Title>
          <Text mt={4} c="dimmed">
            {section.empty}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

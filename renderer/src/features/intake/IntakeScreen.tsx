import { NotBuiltYet } from '../../components/NotBuiltYet';

export function IntakeScreen() {
  return (
    <NotBuiltYet heading="Intake">
      Here you will register new patients and collect consent forms, insurance cards and health questionnaires, including from the patient kiosk.
    </NotBuiltYet>
  );
}

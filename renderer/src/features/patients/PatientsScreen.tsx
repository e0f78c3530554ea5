import { NotBuiltYet } from '../../components/NotBuiltYet';

export function PatientsScreen() {
  return (
    <NotBuiltYet heading="Patients">
      Here you will find a patient by name or date of birth and see their contact details, preferred language and the family members they have authorized.
    </NotBuiltYet>
  );
}

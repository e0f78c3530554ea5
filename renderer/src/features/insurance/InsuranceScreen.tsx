import { NotBuiltYet } from '../../components/NotBuiltYet';

export function InsuranceScreen() {
  return (
    <NotBuiltYet heading="Insurance">
      Here you will check coverage before each visit, explain benefits, track prior authorizations and follow denials to their appeal deadlines.
    </NotBuiltYet>
  );
}

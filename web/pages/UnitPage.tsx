import { UnitDesk } from '../features/unit/UnitDesk';

/** `/unit`: a unit's own queue. */
export default function UnitPage() {
  return <UnitDesk />;
}

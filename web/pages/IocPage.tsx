import { IocDesk } from '../features/ioc/IocDesk';

/** `/ioc`: the operator desk. */
export default function IocPage() {
  return <IocDesk />;
}

import { WallScreen } from '../features/wall/WallScreen';

/** `/ioc/wall`: the IOC's big screen. */
export default function WallPage() {
  return <WallScreen />;
}

import { ReviewQueue } from '../features/review/ReviewQueue';

/** `/ioc/review`: reports held for review, and blocked senders. */
export default function ReviewPage() {
  return <ReviewQueue />;
}

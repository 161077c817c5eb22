import { z } from 'zod';
import { recommendAnswers } from '../../../db/schema';
import { optionalText } from '../../lib/form-input';
import { feedbackTextMax } from './feedback-rules';

const feedbackScore = z.enum(['1', '2', '3', '4', '5'], 'feedback.chooseScore').transform(Number);

/** The questionnaire's answers, from the personal page or typed in from a paper form. */
export const feedbackForm = z.object({
  usefulness: feedbackScore,
  everydayTools: feedbackScore,
  bestThing: optionalText(feedbackTextMax),
  toImprove: optionalText(feedbackTextMax),
  recommend: z.enum(recommendAnswers, 'feedback.chooseRecommend'),
});

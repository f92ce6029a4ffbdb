import { describe, expect, it } from 'vitest';
import { loadThreeStarLabels } from './three-star';

describe('hand labels of the 3★ Yelp reviews', () => {
  it('label every 3★ review once, each with a note', () => {
    const labels = loadThreeStarLabels();
    expect(labels).toHaveLength(211);
    expect(new Set(labels.map((label) => label.row)).size).toBe(211);
    expect(labels.every((label) => label.note.length > 0 && label.text.length > 0)).toBe(true);
  });

  it('refuse a bad file with an error that names the line', () => {
    expect(() => loadThreeStarLabels('row,label,note\n17,complaint,x\n')).toThrow(
      'line 2: label "complaint" is not one of problem, no_problem, unclear',
    );
    expect(() => loadThreeStarLabels('row,label,note\n1,problem,x\n')).toThrow('line 2: row 1 is not a 3★ review');
    expect(() => loadThreeStarLabels('row,label,note\n17,problem,x\n17,unclear,y\n')).toThrow('line 3: row 17 is labelled twice');
    expect(() => loadThreeStarLabels('stars,label\n')).toThrow('header must be row,label,note');
  });
});

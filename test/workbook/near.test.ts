// "Did you mean": the names offered for one that is not in the workbook.
import { describe, expect, it } from "vitest";
import { nearestNames } from "../../src/workbook/near.js";

const QINGSHAN = ["城关镇", "东湖街道", "西山镇", "南岭镇", "区公安分局", "区卫生健康局", "区民政局", "区教育局", "区财政局", "区统计局", "区人社局", "区农业农村局"];

describe("nearestNames", () => {
  it("offers a department's short name for its full name, and the full name for its short one", () => {
    expect(nearestNames("区人力资源和社会保障局", QINGSHAN)).toEqual(["区人社局"]);
    expect(nearestNames("区发改委", ["区财政局", "区发展和改革委员会", "区统计局"])).toEqual(["区发展和改革委员会"]);
    expect(nearestNames("区卫健局", QINGSHAN)).toEqual(["区卫生健康局"]);
  });

  it("offers no name that merely shares characters with it", () => {
    // Not from its first character (人保局 in 区人力资源和社会保障局: from 区 it is), or too short to be one.
    expect(nearestNames("人保局", ["区人力资源和社会保障局"])).toEqual([]);
    expect(nearestNames("区人保局", ["区人力资源和社会保障局"])).toEqual(["区人力资源和社会保障局"]);
    expect(nearestNames("甲镇", ["甲乙镇"])).toEqual([]);
    // Characters out of order are no short form.
    expect(nearestNames("区局人社", QINGSHAN)).toEqual([]);
  });

  it("still offers a slip of one character and a name cut short", () => {
    expect(nearestNames("城关街", QINGSHAN)).toEqual(["城关镇"]);
    expect(nearestNames("东湖", QINGSHAN)).toEqual(["东湖街道"]);
  });
});

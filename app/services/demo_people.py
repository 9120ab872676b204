"""Realistic demo residents: Chinese names (with the surnames that have special
readings, compound surnames, minority names with a middle dot), valid ID numbers,
mobile numbers, addresses and grids."""

from __future__ import annotations

import datetime as dt
import random

from app.services.idnumber import check_character

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜"
            "叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶"
            "黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单仇区朴解")
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官")
GIVEN = ("明月华建国伟芳秀英敏静丽强磊军洋勇艳杰娟涛超霞平刚桂兰玉梅志红婷雪琳晨宇浩然子轩"
         "欣怡梓涵雨桐佳琪文博思远海燕春生秋菊德福翠萍淑珍凤英永康嘉懿安宁晓东")
MINORITY = ("买买提·艾力", "阿依古丽·吐尔逊", "热依拉·买买提", "努尔艾力·阿不都", "古丽娜·热合曼")
COMPOUNDS = ("幸福里", "和平苑", "阳光花园", "翠竹小区", "新华家园", "锦绣华庭", "康乐新村",
             "东风里")
GRIDS = tuple(f"第{n}网格" for n in "一二三四五六七八")
DISTRICTS = ("110105", "110108", "310104", "440305", "510107", "420106")
TAG_CHOICES = (("elderly_alone", 0.06), ("disabled", 0.02), ("volunteer", 0.25),
               ("party_member", 0.1), ("low_income", 0.03), ("veteran", 0.03))


def name(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.01:
        return rng.choice(MINORITY)
    surname = rng.choice(COMPOUND_SURNAMES) if roll < 0.03 else rng.choice(SURNAMES)
    given = "".join(rng.choice(GIVEN) for _ in range(1 if rng.random() < 0.3 else 2))
    return surname + given


def id_number(rng: random.Random, taken: set[str]) -> tuple[str, dt.date, str]:
    while True:
        birth = dt.date(1935, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 70))
        body = f"{rng.choice(DISTRICTS)}{birth:%Y%m%d}{rng.randrange(0, 1000):03d}"
        number = body + check_character(body)
        if number not in taken:
            taken.add(number)
            return number, birth, "M" if int(body[16]) % 2 else "F"


def phone(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}{rng.randrange(0, 10**9):09d}"


def address(rng: random.Random) -> tuple[str, str, str, str]:
    return (rng.choice(COMPOUNDS), str(rng.randint(1, 24)), str(rng.randint(1, 4)),
            f"{rng.randint(1, 18)}0{rng.randint(1, 4)}")


def tags(rng: random.Random) -> str:
    return ",".join(sorted(t for t, p in TAG_CHOICES if rng.random() < p))

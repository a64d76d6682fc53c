#!/usr/bin/env python3
"""Draws Lantern's default illustrations and topic icons as PNG files.

Python 3 standard library only (zlib + struct write the PNG). Every shape is turned into a polygon
and filled on a grid SS times finer than the picture, then each SS x SS block is averaged: that
supersampling gives smooth, anti-aliased edges. The pictures hold no words, so they suit every language.

    python3 scripts/draw_illustrations.py            # writes assets/content/images/*.png
    python3 scripts/draw_illustrations.py --only icon-visits.png child-visit.png
"""
import math
import os
import struct
import sys
import zlib

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "assets", "content", "images")
SS = 3  # supersampling factor


def hexc(s):
    s = s.lstrip("#")
    return (int(s[0:2], 16), int(s[2:4], 16), int(s[4:6], 16))


# Soft, friendly palette.
C = {k: hexc(v) for k, v in {
    "ink": "#3d4a5c", "white": "#ffffff", "cream": "#fff6e6", "mint": "#e3f4ef", "sky": "#e4effa",
    "blush": "#fde9e4", "lilac": "#eee8fa", "lemon": "#fff3c4",
    "teal": "#4fa39a", "teal_l": "#9fd6cf", "coral": "#f0877c", "coral_l": "#f8c1b9",
    "yellow": "#ffcf5c", "yellow_l": "#ffe7a3", "blue": "#6fa8dc", "blue_l": "#b9d6f2",
    "lav": "#a996dd", "lav_l": "#d6ccf2", "green": "#86c98a", "green_l": "#c5e8c6",
    "grey": "#c9d1da", "grey_l": "#e7ebf0", "grey_d": "#8a96a6", "brown": "#8b5e3c", "wood": "#d9a86c",
    "pink": "#f5a9b8", "cheek": "#f4a7a0", "navy": "#4a5d7e", "orange": "#f5a25d",
}.items()}
SKIN = [hexc(s) for s in ("#f6d3b3", "#e0ac7e", "#c68a5b", "#8d5a3b", "#f1c8a0", "#a8714a")]
HAIR = [hexc(s) for s in ("#3b2a20", "#6b4226", "#1f1a17", "#c8843c", "#8c8c8c", "#4a2f22")]


class Canvas:
    def __init__(self, w, h, bg, ss=SS):
        self.w, self.h, self.ss = w, h, ss
        self.W, self.H = w * ss, h * ss
        n = self.W * self.H
        self.ch = [bytearray([bg[0]]) * n, bytearray([bg[1]]) * n, bytearray([bg[2]]) * n]

    # -- core: even-odd polygon fill on the fine grid ------------------------------------------
    def fill(self, contours, color):
        s = self.ss
        edges = []
        ymin, ymax = 1e9, -1e9
        for pts in contours:
            n = len(pts)
            for i in range(n):
                x0, y0 = pts[i][0] * s, pts[i][1] * s
                x1, y1 = pts[(i + 1) % n][0] * s, pts[(i + 1) % n][1] * s
                if y0 == y1:
                    continue
                if y0 > y1:
                    x0, y0, x1, y1 = x1, y1, x0, y0
                edges.append((y0, y1, x0, (x1 - x0) / (y1 - y0)))
                ymin, ymax = min(ymin, y0), max(ymax, y1)
        if not edges:
            return
        j0 = max(0, int(math.ceil(ymin - 0.5)))
        j1 = min(self.H - 1, int(math.ceil(ymax - 0.5)) - 1)
        edges.sort()
        W = self.W
        rb, gb, bb = bytes([color[0]]), bytes([color[1]]), bytes([color[2]])
        R, G, B = self.ch
        for j in range(j0, j1 + 1):
            yc = j + 0.5
            xs = [x0 + (yc - y0) * k for (y0, y1, x0, k) in edges if y0 <= yc < y1]
            if len(xs) < 2:
                continue
            xs.sort()
            base = j * W
            for a, b in zip(xs[0::2], xs[1::2]):
                i0 = max(0, int(math.ceil(a - 0.5)))
                i1 = min(W, int(math.ceil(b - 0.5)))
                if i1 > i0:
                    m = i1 - i0
                    R[base + i0:base + i1] = rb * m
                    G[base + i0:base + i1] = gb * m
                    B[base + i0:base + i1] = bb * m

    # -- shapes (coordinates in output pixels) -------------------------------------------------
    @staticmethod
    def _n(r):
        return max(24, min(160, int(r * 1.2)))

    def ellipse_pts(self, cx, cy, rx, ry, rot=0.0):
        n = self._n(max(rx, ry))
        c, s = math.cos(rot), math.sin(rot)
        pts = []
        for i in range(n):
            t = 2 * math.pi * i / n
            x, y = rx * math.cos(t), ry * math.sin(t)
            pts.append((cx + x * c - y * s, cy + x * s + y * c))
        return pts

    def circle(self, cx, cy, r, color):
        self.fill([self.ellipse_pts(cx, cy, r, r)], color)

    def ellipse(self, cx, cy, rx, ry, color, rot=0.0):
        self.fill([self.ellipse_pts(cx, cy, rx, ry, rot)], color)

    def ring(self, cx, cy, r_out, r_in, color):
        self.fill([self.ellipse_pts(cx, cy, r_out, r_out), self.ellipse_pts(cx, cy, r_in, r_in)], color)

    def rrect_pts(self, x, y, w, h, r):
        r = max(0.0, min(r, w / 2, h / 2))
        if r == 0:
            return [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
        pts = []
        n = max(6, int(r / 2))
        for cx, cy, a0 in ((x + w - r, y + r, -90), (x + w - r, y + h - r, 0), (x + r, y + h - r, 90), (x + r, y + r, 180)):
            for i in range(n + 1):
                a = math.radians(a0 + 90 * i / n)
                pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
        return pts

    def rrect(self, x, y, w, h, r, color):
        self.fill([self.rrect_pts(x, y, w, h, r)], color)

    def rrect_outline(self, x, y, w, h, r, t, color):
        self.fill([self.rrect_pts(x, y, w, h, r), self.rrect_pts(x + t, y + t, w - 2 * t, h - 2 * t, max(0, r - t))], color)

    def poly(self, pts, color):
        self.fill([pts], color)

    def line(self, x0, y0, x1, y1, width, color):
        """A straight stroke with round ends (a capsule)."""
        r = width / 2
        a = math.atan2(y1 - y0, x1 - x0)
        n = max(8, self._n(r) // 2)
        pts = []
        for i in range(n + 1):
            t = a - math.pi / 2 - math.pi * i / n
            pts.append((x0 + r * math.cos(t), y0 + r * math.sin(t)))
        for i in range(n + 1):
            t = a + math.pi / 2 - math.pi * i / n
            pts.append((x1 + r * math.cos(t), y1 + r * math.sin(t)))
        self.fill([pts], color)

    def polyline(self, pts, width, color):
        for p, q in zip(pts, pts[1:]):
            self.line(p[0], p[1], q[0], q[1], width, color)

    def arc(self, cx, cy, r, a0, a1, width, color, ry=None):
        """An arc stroke from angle a0 to a1 (degrees, 0 = right, 90 = down)."""
        ry = r if ry is None else ry
        n = max(8, int(abs(a1 - a0) / 8))
        pts = [(cx + r * math.cos(math.radians(a0 + (a1 - a0) * i / n)),
                cy + ry * math.sin(math.radians(a0 + (a1 - a0) * i / n))) for i in range(n + 1)]
        self.polyline(pts, width, color)

    def heart(self, cx, cy, size, color):
        pts = []
        for i in range(120):
            t = 2 * math.pi * i / 120
            x = 16 * math.sin(t) ** 3
            y = -(13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t))
            pts.append((cx + x * size / 32, cy + y * size / 32))
        self.fill([pts], color)

    def star(self, cx, cy, r, color):
        pts = []
        for i in range(10):
            rr = r if i % 2 == 0 else r * 0.45
            a = -math.pi / 2 + math.pi * i / 5
            pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
        self.fill([pts], color)

    # -- output ---------------------------------------------------------------------------------
    def save(self, path):
        s, W, w, h = self.ss, self.W, self.w, self.h
        area = s * s
        half = area // 2
        out_ch = []
        for chan in self.ch:
            rows = []
            for y in range(h):
                acc = [0] * w
                for k in range(s):
                    row = chan[(y * s + k) * W:(y * s + k + 1) * W]
                    for o in range(s):
                        acc = [p + q for p, q in zip(acc, row[o::s])]
                rows.append(bytes((v + half) // area for v in acc))
            out_ch.append(rows)
        raw = bytearray()
        for y in range(h):
            line = bytearray(w * 3)
            line[0::3], line[1::3], line[2::3] = out_ch[0][y], out_ch[1][y], out_ch[2][y]
            # PNG "Sub" filter: each byte minus the same channel of the pixel to its left.
            filt = bytearray(w * 3)
            filt[0:3] = line[0:3]
            filt[3:] = bytes((a - b) & 255 for a, b in zip(line[3:], line[:-3]))
            raw += b"\x01" + filt
        def chunk(tag, data):
            c = struct.pack(">I", len(data)) + tag + data
            return c + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
        png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
        png += chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")
        with open(path, "wb") as f:
            f.write(png)
        return len(png)


# ---------------------------------------------------------------------------------------------
# Building blocks: people and things
# ---------------------------------------------------------------------------------------------

def face(cv, cx, cy, r, mood="smile"):
    ink = C["ink"]
    ey = cy - r * 0.08
    er = max(2.0, r * 0.09)
    if mood == "sleepy":
        cv.arc(cx - r * 0.35, ey, r * 0.14, 20, 160, r * 0.07, ink)
        cv.arc(cx + r * 0.35, ey, r * 0.14, 20, 160, r * 0.07, ink)
    else:
        cv.circle(cx - r * 0.35, ey, er, ink)
        cv.circle(cx + r * 0.35, ey, er, ink)
    cv.circle(cx - r * 0.55, cy + r * 0.25, r * 0.13, C["cheek"])
    cv.circle(cx + r * 0.55, cy + r * 0.25, r * 0.13, C["cheek"])
    lw = max(2.0, r * 0.08)
    if mood in ("smile", "sleepy"):
        cv.arc(cx, cy + r * 0.12, r * 0.32, 25, 155, lw, ink)
    elif mood == "big":
        cv.fill([[(cx - r * 0.33, cy + r * 0.2)] + [
            (cx + r * 0.33 * math.cos(math.radians(a)), cy + r * 0.2 + r * 0.33 * math.sin(math.radians(a)))
            for a in range(0, 181, 10)]], ink)
    elif mood == "sad":
        cv.arc(cx, cy + r * 0.55, r * 0.28, 205, 335, lw, ink)
        cv.ellipse(cx + r * 0.42, cy + r * 0.18, r * 0.06, r * 0.1, C["blue"])
    elif mood == "cross":
        cv.line(cx - r * 0.5, ey - r * 0.28, cx - r * 0.2, ey - r * 0.16, lw, ink)
        cv.line(cx + r * 0.5, ey - r * 0.28, cx + r * 0.2, ey - r * 0.16, lw, ink)
        cv.line(cx - r * 0.22, cy + r * 0.42, cx + r * 0.22, cy + r * 0.42, lw, ink)
    elif mood == "worried":
        cv.line(cx - r * 0.5, ey - r * 0.2, cx - r * 0.2, ey - r * 0.32, lw, ink)
        cv.line(cx + r * 0.5, ey - r * 0.2, cx + r * 0.2, ey - r * 0.32, lw, ink)
        cv.polyline([(cx - r * 0.28, cy + r * 0.45), (cx - r * 0.1, cy + r * 0.37), (cx + r * 0.1, cy + r * 0.45),
                     (cx + r * 0.28, cy + r * 0.37)], lw, ink)
    elif mood == "calm":
        cv.line(cx - r * 0.2, cy + r * 0.38, cx + r * 0.2, cy + r * 0.38, lw, ink)


def person(cv, cx, ground, height, skin=0, hair=0, shirt="teal", mood="smile", hair_style="short",
           arms="down", legs="navy"):
    """A simple figure standing on `ground`, `height` px tall. Returns the head centre and radius."""
    sk, hr, sh = SKIN[skin % len(SKIN)], HAIR[hair % len(HAIR)], C[shirt]
    head_r = height * 0.17
    body_w = height * 0.36
    body_top = ground - height * 0.62
    body_h = height * 0.42
    hy = body_top - head_r * 0.85
    # legs
    lw = height * 0.09
    cv.line(cx - body_w * 0.22, body_top + body_h - lw, cx - body_w * 0.22, ground - lw / 2, lw, C[legs])
    cv.line(cx + body_w * 0.22, body_top + body_h - lw, cx + body_w * 0.22, ground - lw / 2, lw, C[legs])
    cv.ellipse(cx - body_w * 0.26, ground - lw * 0.4, lw * 0.75, lw * 0.45, C["ink"])
    cv.ellipse(cx + body_w * 0.26, ground - lw * 0.4, lw * 0.75, lw * 0.45, C["ink"])
    # arms
    aw = height * 0.08
    sx = body_w / 2 - aw * 0.3
    sy = body_top + aw * 0.7
    if arms == "down":
        ends = [(cx - sx - aw * 0.4, body_top + body_h * 0.95), (cx + sx + aw * 0.4, body_top + body_h * 0.95)]
    elif arms == "wave":
        ends = [(cx - sx - aw * 0.4, body_top + body_h * 0.95), (cx + sx + height * 0.2, body_top - height * 0.12)]
    elif arms == "up":
        ends = [(cx - sx - height * 0.2, body_top - height * 0.12), (cx + sx + height * 0.2, body_top - height * 0.12)]
    elif arms == "hug":
        ends = [(cx - sx - height * 0.22, body_top + body_h * 0.45), (cx + sx + height * 0.22, body_top + body_h * 0.45)]
    elif arms == "phone":
        ends = [(cx - sx - aw * 0.4, body_top + body_h * 0.95), (cx + head_r * 0.95, hy + head_r * 0.3)]
    else:  # "front": holding something in front
        ends = [(cx - body_w * 0.15, body_top + body_h * 0.6), (cx + body_w * 0.15, body_top + body_h * 0.6)]
    for (ex, ey), sxx in zip(ends, (cx - sx, cx + sx)):
        cv.line(sxx, sy, ex, ey, aw, sh)
        cv.circle(ex, ey, aw * 0.6, sk)
    # long hair sits behind the body and the head
    if hair_style == "long":
        cv.rrect(cx - head_r * 1.1, hy - head_r * 0.5, head_r * 2.2, head_r * 1.9, head_r * 0.9, hr)
    # body
    cv.rrect(cx - body_w / 2, body_top, body_w, body_h, body_w * 0.35, sh)
    # head
    cv.circle(cx, hy, head_r, sk)
    if hair_style in ("short", "long"):
        cv.fill([[(cx + head_r * 1.04 * math.cos(math.radians(a)), hy + head_r * 1.04 * math.sin(math.radians(a)))
                  for a in range(180, 361, 8)] + [(cx + head_r * 0.6, hy - head_r * 0.35), (cx - head_r * 0.4, hy - head_r * 0.5)]], hr)
    elif hair_style == "curly":
        for a in range(190, 351, 32):
            cv.circle(cx + head_r * 0.85 * math.cos(math.radians(a)), hy + head_r * 0.85 * math.sin(math.radians(a)), head_r * 0.38, hr)
    elif hair_style == "bun":
        cv.circle(cx, hy - head_r * 1.05, head_r * 0.42, hr)
        cv.fill([[(cx + head_r * 1.04 * math.cos(math.radians(a)), hy + head_r * 1.04 * math.sin(math.radians(a)))
                  for a in range(180, 361, 8)] + [(cx, hy - head_r * 0.45)]], hr)
    elif hair_style == "bald":
        pass
    face(cv, cx, hy + head_r * 0.12, head_r * 0.85, mood)
    return cx, hy, head_r


def speech_bubble(cv, x, y, w, h, color, tail="left", dots=True):
    cv.rrect(x, y, w, h, h * 0.35, color)
    if tail == "left":
        cv.poly([(x + w * 0.18, y + h - 2), (x + w * 0.38, y + h - 2), (x + w * 0.1, y + h + h * 0.4)], color)
    elif tail == "right":
        cv.poly([(x + w * 0.62, y + h - 2), (x + w * 0.82, y + h - 2), (x + w * 0.9, y + h + h * 0.4)], color)
    if dots:
        for i in (-1, 0, 1):
            cv.circle(x + w / 2 + i * w * 0.2, y + h / 2, h * 0.1, C["white"])


def envelope(cv, x, y, w, h, color=None, flap=None, heart=True):
    color = color or C["white"]
    cv.rrect(x, y, w, h, h * 0.08, C["ink"])
    cv.rrect(x + 3, y + 3, w - 6, h - 6, h * 0.06, color)
    cv.polyline([(x + 6, y + 8), (x + w / 2, y + h * 0.55), (x + w - 6, y + 8)], max(3, h * 0.05), flap or C["ink"])
    if heart:
        cv.heart(x + w / 2, y + h * 0.72, h * 0.32, C["coral"])


def phone(cv, cx, cy, h, color=None, screen=None):
    w = h * 0.55
    cv.rrect(cx - w / 2, cy - h / 2, w, h, w * 0.18, color or C["ink"])
    cv.rrect(cx - w / 2 + w * 0.1, cy - h / 2 + h * 0.1, w * 0.8, h * 0.72, w * 0.08, screen or C["sky"])
    cv.circle(cx, cy + h / 2 - h * 0.09, h * 0.035, C["grey"])


def house(cv, x, ground, w, h, wall="cream", roof="coral", door="teal"):
    wall_h = h * 0.6
    cv.poly([(x - w * 0.08, ground - wall_h + 2), (x + w / 2, ground - h), (x + w * 1.08, ground - wall_h + 2)], C[roof])
    cv.rrect(x, ground - wall_h, w, wall_h, 6, C[wall])
    cv.rrect(x + w * 0.4, ground - wall_h * 0.6, w * 0.2, wall_h * 0.6, 6, C[door])
    cv.circle(x + w * 0.56, ground - wall_h * 0.3, w * 0.015 + 1, C["yellow"])
    for wx in (x + w * 0.1, x + w * 0.7):
        cv.rrect(wx, ground - wall_h * 0.8, w * 0.2, wall_h * 0.3, 5, C["blue_l"])
        cv.line(wx + w * 0.1, ground - wall_h * 0.8, wx + w * 0.1, ground - wall_h * 0.5, 3, C["white"])


def sun(cv, cx, cy, r):
    for i in range(8):
        a = math.radians(i * 45 + 22)
        cv.line(cx + r * 1.3 * math.cos(a), cy + r * 1.3 * math.sin(a), cx + r * 1.65 * math.cos(a),
                cy + r * 1.65 * math.sin(a), r * 0.22, C["yellow"])
    cv.circle(cx, cy, r, C["yellow"])


def cloud(cv, cx, cy, s, color=None):
    color = color or C["white"]
    cv.circle(cx - s * 0.5, cy, s * 0.38, color)
    cv.circle(cx, cy - s * 0.2, s * 0.5, color)
    cv.circle(cx + s * 0.5, cy, s * 0.38, color)
    cv.rrect(cx - s * 0.85, cy - s * 0.05, s * 1.7, s * 0.42, s * 0.2, color)


def moon(cv, cx, cy, r, bg):
    cv.circle(cx, cy, r, C["yellow_l"])
    cv.circle(cx + r * 0.45, cy - r * 0.25, r * 0.85, bg)


def bus(cv, x, ground, w):
    h = w * 0.45
    y = ground - h - w * 0.06
    cv.rrect(x, y, w, h, h * 0.2, C["yellow"])
    cv.rrect(x, y + h * 0.72, w, h * 0.1, 0, C["orange"])
    for i in range(4):
        cv.rrect(x + w * 0.06 + i * w * 0.2, y + h * 0.14, w * 0.16, h * 0.34, 6, C["blue_l"])
    cv.rrect(x + w * 0.86, y + h * 0.14, w * 0.1, h * 0.55, 5, C["blue_l"])
    for wx in (x + w * 0.22, x + w * 0.76):
        cv.circle(wx, ground - w * 0.07, w * 0.08, C["ink"])
        cv.circle(wx, ground - w * 0.07, w * 0.035, C["grey"])
    cv.circle(x + w * 0.985, y + h * 0.82, w * 0.02, C["white"])


def door(cv, x, ground, w, h, color="teal", open_=False, bg=None):
    cv.rrect(x - w * 0.08, ground - h - w * 0.08, w * 1.16, h + w * 0.08, w * 0.12, C["ink"])
    if open_:
        cv.rrect(x, ground - h, w, h, w * 0.08, C["yellow_l"])
        cv.poly([(x, ground - h), (x + w * 0.35, ground - h * 0.93), (x + w * 0.35, ground - h * 0.05), (x, ground)], C[color])
    else:
        cv.rrect(x, ground - h, w, h, w * 0.08, C[color])
        cv.circle(x + w * 0.8, ground - h * 0.48, w * 0.06, C["yellow"])


def table(cv, x, y, w, color="wood"):
    cv.rrect(x, y, w, 16, 8, C[color])
    cv.rrect(x + w * 0.12, y + 10, 12, 60, 5, C["brown"])
    cv.rrect(x + w * 0.88 - 12, y + 10, 12, 60, 5, C["brown"])


def ground_strip(cv, w, h, y, color):
    """The floor: fills the panel below y, following its rounded bottom corners."""
    cv.rrect(8, y, w - 16, h - 8 - y, 36, C[color])
    cv.rrect(8, y, w - 16, min(40, (h - 8 - y) / 2), 0, C[color])


def frame_bg(cv, w, h, color):
    """A soft rounded panel so pictures sit nicely on any background."""
    cv.rrect(0, 0, w, h, 0, C["white"])
    cv.rrect(8, 8, w - 16, h - 16, 36, C[color])


# ---------------------------------------------------------------------------------------------
# Illustrations, 640 x 400
# ---------------------------------------------------------------------------------------------
IW, IH = 640, 400


def scene(bg):
    cv = Canvas(IW, IH, C["white"])
    frame_bg(cv, IW, IH, bg)
    return cv


def ill_visit_hall():
    cv = scene("lemon")
    ground_strip(cv, IW, IH, 330, "yellow_l")
    cv.rrect(30, 40, 580, 8, 4, C["yellow_l"])
    # play corner
    for i, c in enumerate(("coral", "teal", "lav")):
        cv.rrect(520 + i * 28, 292 - i * 0, 24, 24, 6, C[c])
    cv.circle(560, 270, 14, C["blue"])
    person(cv, 170, 330, 190, skin=1, hair=0, shirt="coral", hair_style="long", arms="front")
    person(cv, 250, 330, 120, skin=1, hair=0, shirt="yellow", hair_style="curly", arms="wave", mood="big")
    person(cv, 440, 330, 200, skin=3, hair=2, shirt="blue", hair_style="short", arms="front")
    table(cv, 200, 250, 220)
    cv.rrect(275, 228, 26, 22, 6, C["white"])
    cv.rrect(320, 228, 26, 22, 6, C["white"])
    cv.heart(320, 90, 50, C["coral"])
    return cv


def ill_security_check():
    cv = scene("sky")
    ground_strip(cv, IW, IH, 335, "grey_l")
    # arch
    cv.rrect(250, 80, 150, 260, 20, C["grey"])
    cv.rrect(272, 105, 106, 235, 14, C["sky"])
    cv.circle(325, 92, 7, C["green"])
    # child walking through with a smile
    person(cv, 325, 335, 150, skin=2, hair=1, shirt="coral", hair_style="bun", arms="up", mood="big")
    # tray with items on a belt
    cv.rrect(430, 250, 170, 18, 9, C["grey_d"])
    cv.rrect(445, 224, 90, 26, 8, C["blue_l"])
    cv.rrect(460, 212, 20, 14, 4, C["ink"])
    cv.circle(510, 218, 9, C["yellow"])
    cv.rrect(585, 268, 10, 70, 4, C["grey_d"])
    cv.rrect(440, 268, 10, 70, 4, C["grey_d"])
    # friendly officer
    person(cv, 140, 335, 200, skin=4, hair=3, shirt="navy", hair_style="short", arms="wave")
    sun(cv, 560, 80, 24)
    return cv


def ill_family_hug():
    cv = scene("blush")
    ground_strip(cv, IW, IH, 330, "coral_l")
    person(cv, 290, 330, 210, skin=0, hair=1, shirt="teal", hair_style="short", arms="hug")
    person(cv, 350, 330, 130, skin=0, hair=3, shirt="yellow", hair_style="long", arms="hug", mood="big")
    for x, y, s in ((120, 110, 60), (520, 90, 46), (470, 170, 30), (160, 200, 28)):
        cv.heart(x, y, s, C["coral"])
    return cv


def ill_feelings_faces():
    cv = scene("mint")
    moods = (("big", "yellow"), ("sad", "blue_l"), ("cross", "coral_l"), ("worried", "lav_l"), ("calm", "green_l"))
    xs = (100, 210, 320, 430, 540)
    for x, (m, col) in zip(xs, moods):
        y = 200 + (-20 if xs.index(x) % 2 == 0 else 20)
        cv.circle(x, y, 52, C[col])
        face(cv, x, y + 4, 46, m)
    return cv


def ill_phone_call():
    cv = scene("lilac")
    ground_strip(cv, IW, IH, 335, "lav_l")
    hx, hy, hr = person(cv, 200, 335, 200, skin=2, hair=2, shirt="teal", hair_style="curly", arms="phone", mood="big")
    cv.rrect(hx + hr * 0.8, hy - hr * 0.55, hr * 0.42, hr * 1.1, hr * 0.12, C["ink"])
    cv.circle(hx + hr * 0.95, hy + hr * 0.3, 200 * 0.048, SKIN[2])
    speech_bubble(cv, 300, 70, 170, 80, C["lav"], tail="left")
    speech_bubble(cv, 380, 180, 150, 70, C["white"], tail="right", dots=False)
    cv.heart(455, 215, 36, C["coral"])
    return cv


def ill_letter():
    cv = scene("cream")
    envelope(cv, 90, 130, 250, 160)
    # a child's drawing on paper
    cv.rrect(370, 80, 200, 240, 14, C["white"])
    cv.rrect(370, 80, 200, 240, 14, C["white"])
    sun(cv, 520, 130, 22)
    house(cv, 400, 285, 90, 110)
    person(cv, 525, 290, 90, skin=1, hair=0, shirt="coral", hair_style="long")
    cv.star(70, 80, 18, C["yellow"])
    cv.star(600, 350, 14, C["yellow"])
    return cv


def ill_school():
    cv = scene("sky")
    ground_strip(cv, IW, IH, 330, "green_l")
    # school building
    cv.rrect(210, 130, 300, 200, 10, C["coral_l"])
    cv.poly([(190, 140), (360, 60), (530, 140)], C["coral"])
    cv.circle(360, 112, 22, C["white"])
    cv.line(360, 112, 360, 98, 4, C["ink"])
    cv.line(360, 112, 371, 112, 4, C["ink"])
    for wx in (235, 295, 395, 455):
        cv.rrect(wx, 160, 40, 40, 6, C["blue_l"])
    door(cv, 335, 330, 50, 80, color="teal")
    person(cv, 120, 335, 130, skin=3, hair=2, shirt="yellow", hair_style="bun", arms="wave", mood="big", legs="teal")
    person(cv, 580, 335, 190, skin=0, hair=4, shirt="lav", hair_style="short", arms="down")
    sun(cv, 90, 80, 26)
    return cv


def ill_talk_to_someone():
    cv = scene("mint")
    ground_strip(cv, IW, IH, 335, "teal_l")
    person(cv, 220, 335, 140, skin=1, hair=1, shirt="coral", hair_style="curly", arms="down", mood="smile")
    person(cv, 420, 335, 200, skin=5, hair=2, shirt="green", hair_style="bun", arms="front")
    speech_bubble(cv, 110, 60, 150, 70, C["white"], tail="right")
    speech_bubble(cv, 380, 40, 170, 76, C["teal"], tail="left", dots=False)
    cv.heart(465, 78, 36, C["white"])
    return cv


def ill_missing_someone():
    cv = Canvas(IW, IH, C["white"])
    frame_bg(cv, IW, IH, "navy")
    for x, y, r in ((90, 70, 10), (180, 130, 7), (560, 60, 9), (480, 140, 6), (300, 60, 6), (400, 90, 8)):
        cv.star(x, y, r * 1.6, C["yellow_l"])
    moon(cv, 520, 250, 50, C["navy"])
    # window frame
    cv.rrect(60, 200, 380, 170, 16, C["lav_l"])
    person(cv, 170, 380, 170, skin=0, hair=3, shirt="yellow", hair_style="long", arms="front", mood="calm")
    cv.heart(170, 288, 36, C["coral"])
    person(cv, 330, 380, 150, skin=3, hair=2, shirt="teal", hair_style="curly", arms="down", mood="smile")
    return cv


def ill_three_sleeps():
    cv = Canvas(IW, IH, C["white"])
    frame_bg(cv, IW, IH, "lilac")
    for i, x in enumerate((150, 320, 490)):
        cv.circle(x, 170, 70, C["navy"])
        moon(cv, x - 8, 165, 36, C["navy"])
        cv.star(x + 36, 130, 10, C["yellow_l"])
        # small bed
        cv.rrect(x - 60, 290, 120, 40, 12, C["lav"])
        cv.rrect(x - 56, 278, 36, 20, 10, C["white"])
        cv.rrect(x - 24, 276, 84, 30, 12, C["blue_l"])
        cv.rrect(x - 60, 325, 10, 26, 4, C["brown"])
        cv.rrect(x + 50, 325, 10, 26, 4, C["brown"])
    sun(cv, 590, 300, 20)
    return cv


def ill_bus_journey():
    cv = scene("sky")
    ground_strip(cv, IW, IH, 320, "green_l")
    cv.rrect(-10, 320, IW + 20, 44, 0, C["grey"])
    for x in range(30, 640, 110):
        cv.rrect(x, 338, 50, 8, 4, C["white"])
    bus(cv, 150, 340, 340)
    cloud(cv, 120, 90, 70)
    cloud(cv, 420, 70, 56)
    sun(cv, 560, 90, 30)
    return cv


def ill_visitor_centre():
    cv = scene("cream")
    ground_strip(cv, IW, IH, 330, "yellow_l")
    cv.rrect(60, 120, 330, 210, 14, C["teal_l"])
    cv.poly([(40, 130), (225, 60), (410, 130)], C["teal"])
    for wx in (85, 290):
        cv.rrect(wx, 160, 75, 60, 8, C["white"])
        cv.rrect(wx + 8, 168, 59, 44, 6, C["yellow_l"])
    door(cv, 190, 330, 70, 110, color="coral", open_=True)
    # kettle and cups sign (a cup)
    cv.rrect(205, 150, 40, 34, 10, C["white"])
    cv.arc(245, 166, 10, -90, 90, 6, C["white"])
    person(cv, 480, 335, 200, skin=3, hair=2, shirt="lav", hair_style="bun", arms="wave")
    person(cv, 570, 335, 150, skin=0, hair=1, shirt="coral", hair_style="short", arms="down")
    sun(cv, 560, 70, 24)
    return cv


def ill_home():
    cv = scene("sky")
    ground_strip(cv, IW, IH, 330, "green_l")
    house(cv, 120, 330, 240, 240)
    person(cv, 460, 335, 190, skin=1, hair=0, shirt="teal", hair_style="long", arms="down")
    person(cv, 540, 335, 120, skin=1, hair=0, shirt="coral", hair_style="curly", arms="wave", mood="big")
    sun(cv, 560, 80, 28)
    cloud(cv, 300, 60, 40)
    return cv


def ill_big_building():
    cv = scene("sky")
    ground_strip(cv, IW, IH, 330, "green_l")
    cv.rrect(140, 110, 360, 220, 10, C["grey_l"])
    cv.rrect(140, 100, 360, 22, 8, C["grey"])
    for row in range(3):
        for col in range(6):
            cv.rrect(165 + col * 55, 140 + row * 50, 32, 28, 6, C["blue_l"])
    door(cv, 290, 330, 60, 80, color="blue")
    cv.rrect(455, 40, 6, 70, 3, C["grey_d"])
    cv.poly([(461, 42), (500, 54), (461, 66)], C["coral"])
    for x in (70, 570):
        cv.circle(x, 270, 42, C["green"])
        cv.rrect(x - 6, 290, 12, 42, 4, C["brown"])
    cloud(cv, 110, 80, 44)
    return cv


def ill_lockers():
    cv = scene("mint")
    ground_strip(cv, IW, IH, 340, "teal_l")
    for i in range(4):
        x = 90 + i * 80
        for j in range(2):
            cv.rrect(x, 90 + j * 120, 72, 112, 8, C["teal"] if (i + j) % 2 else C["teal_l"])
            cv.rrect(x + 46, 140 + j * 120, 14, 8, 4, C["ink"])
    # key
    cv.ring(460, 130, 26, 13, C["yellow"])
    cv.line(484, 140, 560, 170, 12, C["yellow"])
    cv.line(540, 163, 534, 180, 10, C["yellow"])
    # id card
    cv.rrect(430, 220, 150, 96, 12, C["white"])
    cv.circle(470, 258, 20, SKIN[2])
    cv.arc(470, 290, 22, 200, 340, 10, C["blue"])
    for k in range(3):
        cv.rrect(505, 244 + k * 18, 58 - k * 10, 8, 4, C["grey"])
    return cv


def ill_teen_phone():
    cv = scene("lilac")
    ground_strip(cv, IW, IH, 340, "lav_l")
    person(cv, 200, 340, 230, skin=4, hair=0, shirt="blue", hair_style="long", arms="front", mood="calm")
    phone(cv, 200, 250, 44)
    speech_bubble(cv, 320, 70, 220, 62, C["white"], tail="left", dots=False)
    cv.rrect(345, 92, 120, 10, 5, C["grey"])
    cv.rrect(345, 110, 80, 10, 5, C["grey"])
    speech_bubble(cv, 360, 170, 200, 62, C["lav"], tail="right", dots=False)
    cv.heart(520, 200, 30, C["white"])
    cv.rrect(385, 194, 100, 10, 5, C["white"])
    return cv


def ill_cuddle_chat():
    cv = scene("cream")
    # sofa
    cv.rrect(90, 180, 460, 120, 40, C["coral"])
    cv.rrect(70, 220, 500, 110, 40, C["coral_l"])
    cv.rrect(100, 320, 20, 40, 6, C["brown"])
    cv.rrect(520, 320, 20, 40, 6, C["brown"])
    person(cv, 250, 340, 250, skin=5, hair=2, shirt="teal", hair_style="bun", arms="hug")
    person(cv, 350, 340, 140, skin=5, hair=0, shirt="yellow", hair_style="curly", arms="front", mood="big")
    # a book
    cv.poly([(320, 268), (350, 261), (350, 300), (320, 307)], C["blue"])
    cv.poly([(350, 261), (380, 268), (380, 307), (350, 300)], C["blue_l"])
    cv.heart(470, 100, 50, C["coral"])
    speech_bubble(cv, 110, 50, 130, 60, C["white"], tail="right")
    return cv


def ill_big_feelings():
    cv = scene("sky")
    ground_strip(cv, IW, IH, 335, "green_l")
    cloud(cv, 200, 110, 90, C["grey"])
    for x in (150, 200, 250):
        cv.line(x, 170, x - 10, 195, 6, C["blue"])
    sun(cv, 470, 110, 46)
    cv.poly([(300, 90), (330, 90), (320, 110), (340, 110), (300, 150), (312, 118), (292, 118)], C["yellow"])
    person(cv, 330, 335, 150, skin=1, hair=1, shirt="lav", hair_style="curly", arms="up", mood="big")
    return cv


def ill_friends():
    cv = scene("blush")
    ground_strip(cv, IW, IH, 335, "coral_l")
    person(cv, 180, 335, 200, skin=0, hair=3, shirt="teal", hair_style="long", arms="down")
    person(cv, 320, 335, 215, skin=3, hair=2, shirt="yellow", hair_style="short", arms="wave", mood="big")
    person(cv, 460, 335, 195, skin=1, hair=0, shirt="lav", hair_style="bun", arms="down")
    cv.star(90, 80, 20, C["yellow"])
    cv.star(560, 90, 16, C["yellow"])
    return cv


def ill_support_form():
    cv = scene("mint")
    ground_strip(cv, IW, IH, 340, "teal_l")
    # kiosk screen
    cv.rrect(300, 50, 250, 220, 18, C["ink"])
    cv.rrect(314, 64, 222, 180, 10, C["white"])
    for k in range(4):
        cv.rrect(334, 84 + k * 38, 22, 22, 6, C["teal_l"])
        cv.rrect(368, 90 + k * 38, 130 - (k % 2) * 40, 10, 5, C["grey"])
    cv.polyline([(338, 95), (344, 102), (354, 88)], 5, C["teal"])
    cv.polyline([(338, 171), (344, 178), (354, 164)], 5, C["teal"])
    cv.rrect(410, 270, 30, 60, 6, C["ink"])
    cv.rrect(370, 325, 110, 14, 7, C["ink"])
    person(cv, 190, 340, 220, skin=4, hair=2, shirt="coral", hair_style="bun", arms="down")
    cv.heart(120, 90, 44, C["coral"])
    return cv


def ill_release_door():
    cv = scene("lemon")
    ground_strip(cv, IW, IH, 335, "green_l")
    sun(cv, 520, 100, 40)
    door(cv, 120, 335, 110, 200, color="blue", open_=True)
    person(cv, 320, 335, 200, skin=2, hair=1, shirt="teal", hair_style="short", arms="hug")
    person(cv, 420, 335, 190, skin=0, hair=0, shirt="coral", hair_style="long", arms="hug", mood="big")
    cv.heart(370, 80, 40, C["coral"])
    return cv


ILLUSTRATIONS = {
    "visit-hall.png": ill_visit_hall,
    "security-check.png": ill_security_check,
    "family-hug.png": ill_family_hug,
    "feelings-faces.png": ill_feelings_faces,
    "phone-call.png": ill_phone_call,
    "letter.png": ill_letter,
    "school.png": ill_school,
    "talk-to-someone.png": ill_talk_to_someone,
    "missing-someone.png": ill_missing_someone,
    "three-sleeps.png": ill_three_sleeps,
    "bus-journey.png": ill_bus_journey,
    "visitor-centre.png": ill_visitor_centre,
    "home.png": ill_home,
    "big-building.png": ill_big_building,
    "lockers-and-id.png": ill_lockers,
    "teen-phone.png": ill_teen_phone,
    "cuddle-chat.png": ill_cuddle_chat,
    "big-feelings.png": ill_big_feelings,
    "friends.png": ill_friends,
    "support-form.png": ill_support_form,
    "release-door.png": ill_release_door,
}


# ---------------------------------------------------------------------------------------------
# Topic icons, 256 x 256: a bold symbol on a soft round background
# ---------------------------------------------------------------------------------------------
S = 256


def icon(bg, ring):
    cv = Canvas(S, S, C["white"])
    cv.circle(128, 128, 122, C[ring])
    cv.circle(128, 128, 110, C[bg])
    return cv


def icon_visits():
    cv = icon("mint", "teal_l")
    door(cv, 93, 196, 70, 118, color="teal")
    return cv


def icon_staying_in_touch():
    cv = icon("lilac", "lav_l")
    envelope(cv, 58, 88, 140, 90)
    return cv


def icon_first_days():
    cv = icon("lemon", "yellow_l")
    cv.rrect(64, 70, 128, 122, 16, C["white"])
    cv.rrect(64, 70, 128, 34, 16, C["coral"])
    cv.rrect(64, 90, 128, 14, 0, C["coral"])
    for x in (92, 164):
        cv.rrect(x - 5, 58, 10, 26, 5, C["ink"])
    for r in range(2):
        for c in range(3):
            col = C["teal"] if (r, c) == (0, 0) else C["grey_l"]
            cv.rrect(80 + c * 34, 116 + r * 34, 26, 26, 6, col)
    return cv


def icon_children_family():
    cv = icon("blush", "coral_l")
    person(cv, 104, 206, 130, skin=1, hair=0, shirt="coral", hair_style="long")
    person(cv, 166, 206, 90, skin=1, hair=1, shirt="yellow", hair_style="curly", mood="big")
    return cv


def icon_release():
    cv = icon("lemon", "yellow_l")
    sun(cv, 128, 100, 30)
    cv.rrect(58, 168, 140, 14, 7, C["green"])
    cv.polyline([(78, 150), (128, 150)], 12, C["teal"])
    cv.poly([(124, 130), (160, 150), (124, 170)], C["teal"])
    return cv


def icon_money_debt():
    cv = icon("mint", "green_l")
    for k in range(4):
        cv.ellipse(128, 180 - k * 22, 56, 18, C["orange"])
        cv.ellipse(128, 174 - k * 22, 56, 18, C["yellow"])
    cv.ellipse(128, 108, 30, 8, C["yellow_l"])
    return cv


def icon_housing():
    cv = icon("sky", "blue_l")
    house(cv, 72, 196, 112, 130)
    return cv


def icon_health():
    cv = icon("blush", "coral_l")
    cv.heart(128, 132, 130, C["coral"])
    cv.rrect(116, 92, 24, 72, 6, C["white"])
    cv.rrect(92, 116, 72, 24, 6, C["white"])
    return cv


def icon_domestic_abuse():
    cv = icon("lilac", "lav_l")
    cv.fill([[(128, 52), (190, 76), (186, 140), (128, 206), (70, 140), (66, 76)]], C["lav"])
    cv.heart(128, 126, 64, C["white"])
    return cv


def icon_drugs_alcohol():
    cv = icon("mint", "teal_l")
    # a young plant growing in a pot: care and recovery
    cv.line(128, 170, 128, 98, 10, C["green"])
    cv.ellipse(100, 112, 30, 16, C["green"], rot=-0.5)
    cv.ellipse(156, 96, 32, 17, C["green"], rot=0.5)
    cv.poly([(88, 160), (168, 160), (156, 206), (100, 206)], C["coral"])
    cv.rrect(82, 152, 92, 18, 8, C["coral_l"])
    return cv


def icon_support():
    cv = icon("sky", "blue_l")
    speech_bubble(cv, 52, 70, 120, 76, C["blue"], tail="left")
    speech_bubble(cv, 108, 128, 96, 56, C["coral"], tail="right", dots=False)
    cv.heart(156, 156, 30, C["white"])
    return cv


def icon_helplines():
    cv = icon("lemon", "yellow_l")
    phone(cv, 128, 130, 124, color=C["ink"], screen=C["teal_l"])
    cv.heart(128, 122, 40, C["coral"])
    return cv


def icon_my_family():
    cv = icon("blush", "coral_l")
    house(cv, 72, 200, 112, 130, wall="white")
    cv.heart(128, 160, 30, C["coral"])
    return cv


def icon_going_on_a_visit():
    cv = icon("sky", "blue_l")
    bus(cv, 52, 176, 152)
    cv.rrect(40, 176, 176, 8, 4, C["grey_d"])
    return cv


def icon_my_feelings():
    cv = icon("lemon", "yellow_l")
    cv.circle(128, 128, 70, C["yellow"])
    face(cv, 128, 134, 62, "big")
    return cv


def icon_people_who_help():
    cv = icon("mint", "teal_l")
    person(cv, 96, 206, 120, skin=3, hair=2, shirt="teal", hair_style="bun")
    person(cv, 162, 206, 92, skin=0, hair=3, shirt="coral", hair_style="curly", mood="big")
    cv.heart(132, 66, 28, C["coral"])
    return cv


def icon_teen_now():
    cv = icon("lilac", "lav_l")
    cv.ring(128, 128, 68, 54, C["lav"])
    cv.poly([(128, 78), (142, 128), (128, 178), (114, 128)], C["coral"])
    cv.poly([(128, 128), (142, 128), (128, 178), (114, 128)], C["ink"])
    cv.circle(128, 128, 8, C["white"])
    return cv


def icon_teen_contact():
    cv = icon("sky", "blue_l")
    phone(cv, 110, 134, 120, color=C["navy"], screen=C["white"])
    speech_bubble(cv, 124, 62, 86, 52, C["coral"], tail="left")
    return cv


def icon_teen_you():
    cv = icon("blush", "coral_l")
    cv.heart(128, 134, 120, C["coral"])
    cv.star(128, 118, 26, C["yellow_l"])
    return cv


def icon_teen_help():
    cv = icon("mint", "teal_l")
    speech_bubble(cv, 56, 74, 144, 90, C["teal"], tail="left", dots=False)
    cv.heart(128, 118, 48, C["white"])
    return cv


ICONS = {
    "icon-visits.png": icon_visits,
    "icon-staying-in-touch.png": icon_staying_in_touch,
    "icon-first-days.png": icon_first_days,
    "icon-children-family.png": icon_children_family,
    "icon-release.png": icon_release,
    "icon-money-debt.png": icon_money_debt,
    "icon-housing.png": icon_housing,
    "icon-health.png": icon_health,
    "icon-domestic-abuse.png": icon_domestic_abuse,
    "icon-drugs-alcohol.png": icon_drugs_alcohol,
    "icon-support.png": icon_support,
    "icon-helplines.png": icon_helplines,
    "icon-my-family.png": icon_my_family,
    "icon-going-on-a-visit.png": icon_going_on_a_visit,
    "icon-my-feelings.png": icon_my_feelings,
    "icon-people-who-help.png": icon_people_who_help,
    "icon-teen-now.png": icon_teen_now,
    "icon-teen-contact.png": icon_teen_contact,
    "icon-teen-you.png": icon_teen_you,
    "icon-teen-help.png": icon_teen_help,
}


def main(argv):
    only = set(argv[argv.index("--only") + 1:]) if "--only" in argv else None
    os.makedirs(OUT_DIR, exist_ok=True)
    total = 0
    for name, fn in list(ICONS.items()) + list(ILLUSTRATIONS.items()):
        if only and name not in only:
            continue
        size = fn().save(os.path.join(OUT_DIR, name))
        total += size
        print(f"{name}: {size // 1024} KB")
    print(f"total {total // 1024} KB")


if __name__ == "__main__":
    main(sys.argv[1:])

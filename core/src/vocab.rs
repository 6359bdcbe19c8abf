//! The closed vocabularies of the routine format: areas, techniques,
//! pressures, tools and sides.

use serde::{Deserialize, Serialize};

/// A closed list of words used in routine files.
pub trait Vocabulary: Sized + Copy + 'static {
    /// What one value is called in messages ("body area").
    const WHAT: &'static str;
    /// Parses a word.
    fn from_word(word: &str) -> Option<Self>;
    /// Every word, in documentation order.
    fn all_words() -> Vec<&'static str>;
}

macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident ($what:literal) { $( $variant:ident = $word:literal : $desc:literal ),+ $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $( #[doc = $desc] $variant ),+
        }

        impl $name {
            /// Every value, in documentation order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word used in routine files.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }

            /// A plain-language description for therapists.
            pub fn description(self) -> &'static str {
                match self { $($name::$variant => $desc),+ }
            }

            /// Parses the word used in routine files.
            pub fn parse(word: &str) -> Option<Self> {
                match word { $($word => Some($name::$variant),)+ _ => None }
            }

            /// Every word, in documentation order.
            pub fn words() -> Vec<&'static str> {
                Self::ALL.iter().map(|v| v.as_str()).collect()
            }
        }

        impl Vocabulary for $name {
            const WHAT: &'static str = $what;
            fn from_word(word: &str) -> Option<Self> {
                Self::parse(word)
            }
            fn all_words() -> Vec<&'static str> {
                Self::words()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// A body area a step works on.
    Area ("body area") {
        Scalp = "scalp": "The top and back of the head under the hair.",
        Face = "face": "Forehead, temples and cheeks.",
        Jaw = "jaw": "The chewing muscles in front of the ear and along the jaw line.",
        Neck = "neck": "The back and sides of the neck (never the front).",
        Shoulder = "shoulder": "The top of the shoulder and the shoulder blade area.",
        UpperBack = "upper_back": "Between and around the shoulder blades.",
        Chest = "chest": "The front of the chest below the collarbone.",
        Arm = "arm": "The upper arm, front and back.",
        Forearm = "forearm": "Between elbow and wrist.",
        Wrist = "wrist": "The wrist joint and the area just around it.",
        Hand = "hand": "Palm, back of the hand, fingers and thumb.",
        LowerBack = "lower_back": "The small of the back, beside the spine.",
        Abdomen = "abdomen": "The belly.",
        Hip = "hip": "The front and side of the hip, including the hip flexors.",
        Glute = "glute": "The buttock, including the piriformis and the area around the sacroiliac joint.",
        ThighFront = "thigh_front": "The front of the thigh (quadriceps).",
        ThighBack = "thigh_back": "The back of the thigh (hamstrings).",
        ItBand = "it_band": "The outer side of the thigh down to the outer knee.",
        Knee = "knee": "Around the knee cap.",
        Calf = "calf": "The back of the lower leg.",
        Shin = "shin": "The front of the lower leg.",
        Ankle = "ankle": "The ankle joint and the Achilles tendon.",
        Foot = "foot": "The sole, arch and heel of the foot.",
        WholeBody = "whole_body": "The whole body, for general steps.",
    }
}

vocabulary! {
    /// How a massage step works the tissue.
    Technique ("technique") {
        Stroking = "stroking": "Long, gliding strokes along the muscle.",
        Kneading = "kneading": "Lifting and squeezing the muscle, like kneading dough.",
        Friction = "friction": "Small, firm circles or cross strokes on one spot.",
        Pressure = "pressure": "Sustained pressure held on one tender spot (trigger point).",
        Tapping = "tapping": "Light, quick taps with the fingertips or loose fists.",
        Rolling = "rolling": "Rolling the area over a ball, roller or stick.",
        Percussion = "percussion": "Rapid pulses from a massage gun.",
    }
}

vocabulary! {
    /// How hard to press.
    Pressure ("pressure") {
        Light = "light": "Gentle: the skin and the surface of the muscle move; nothing hurts.",
        Moderate = "moderate": "Noticeable: a comfortable ache that eases as you go.",
        Firm = "firm": "Strong but bearable: never sharp, never more than 6 out of 10.",
    }
}

vocabulary! {
    /// What the person massages with.
    Tool ("tool") {
        Hands = "hands": "The whole hand.",
        Fingers = "fingers": "Fingertips or finger pads.",
        Knuckles = "knuckles": "The flat of loosely bent fingers.",
        Ball = "ball": "A massage, tennis or lacrosse ball.",
        FoamRoller = "foam_roller": "A foam roller on the floor.",
        MassageStick = "massage_stick": "A stick roller held in both hands.",
        MassageGun = "massage_gun": "A percussive massage device.",
        HookCane = "hook_cane": "A hooked cane for reaching the back.",
    }
}

vocabulary! {
    /// Which side of the body a step works.
    Sides ("side") {
        None = "none": "Both sides at once, or the body's middle.",
        Left = "left": "The left side only.",
        Right = "right": "The right side only.",
        Both = "both": "The left side, then a switch pause, then the right side.",
    }
}

/// One side of the body, as a segment carries it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The left side.
    Left,
    /// The right side.
    Right,
}

impl Side {
    /// `"left"` or `"right"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip() {
        for a in Area::ALL {
            assert_eq!(Area::parse(a.as_str()), Some(*a));
            assert_eq!(serde_json::to_value(a).unwrap(), a.as_str());
        }
        for t in Tool::ALL {
            assert_eq!(Tool::parse(t.as_str()), Some(*t));
        }
        assert_eq!(Area::ALL.len(), 24);
        assert_eq!(Technique::ALL.len(), 7);
        assert_eq!(Tool::ALL.len(), 8);
        assert_eq!(Area::parse("lowerback"), None);
    }
}

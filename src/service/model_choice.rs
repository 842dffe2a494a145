//! "Choose for me": the `auto` model setting (the default) resolves to the model recommended
//! for this machine when it is installed, else to the best model that is.

use super::{Service, ServiceResult};
use crate::settings::{VOICE_LANGUAGE, VOICE_MODEL};
use crate::stt::{MachineProfile, ModelError, ModelStatus, Recommendation, recommend};

/// The model setting's value that lets Utter choose.
pub const AUTO_MODEL: &str = "auto";

/// What "choose for me" picked and what it runs now.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AutoModel {
    pub machine: MachineProfile,
    /// The model for this machine (maybe not downloaded yet).
    pub recommended: Recommendation,
    /// The model `auto` uses right now: the recommended one when installed, else the best
    /// installed model, else `None` (download the recommended one).
    pub in_use: Option<String>,
}

impl Service {
    /// The user speaks English (or has not said): the `.en` models fit best.
    fn speaks_english(&self) -> ServiceResult<bool> {
        Ok(matches!(
            self.text(&VOICE_LANGUAGE)?.as_deref(),
            None | Some("auto" | "en")
        ))
    }

    /// What `auto` means on this machine.
    pub fn auto_model(&self) -> ServiceResult<AutoModel> {
        self.auto_model_for(MachineProfile::detect())
    }

    /// [`Service::auto_model`] for a given machine profile (tests, and `models recommend
    /// --cores/--memory-gb` to see what another machine would get).
    pub fn auto_model_for(&self, machine: MachineProfile) -> ServiceResult<AutoModel> {
        let manager = self.models()?;
        let english = self.speaks_english()?;
        let list = manager.list();
        let catalog: Vec<_> = list.iter().map(|m| m.info.clone()).collect();
        let recommended = recommend(&catalog, &machine, english).ok_or_else(|| {
            ModelError::Catalog("the model catalog has no model for this machine".into())
        })?;
        let installed = |name: &str| list.iter().any(|m| m.info.name == name && m.installed);
        let in_use = if installed(&recommended.name) {
            Some(recommended.name.clone())
        } else {
            best_installed(&list, &machine, english)
        };
        Ok(AutoModel {
            machine,
            recommended,
            in_use,
        })
    }

    /// The catalog name a model setting stands for: `auto` becomes a concrete model.
    pub(crate) fn concrete_model(&self, name: String) -> ServiceResult<String> {
        if name != AUTO_MODEL {
            return Ok(name);
        }
        let auto = self.auto_model()?;
        Ok(auto.in_use.unwrap_or(auto.recommended.name))
    }

    /// The model setting, `auto` (its default) when unset.
    pub fn model_setting(&self) -> ServiceResult<String> {
        Ok(self.text(&VOICE_MODEL)?.unwrap_or_default())
    }
}

/// The most accurate installed model that fits in memory, preferring the user's language
/// and, within a tier, the full-precision file.
fn best_installed(list: &[ModelStatus], machine: &MachineProfile, english: bool) -> Option<String> {
    list.iter()
        .filter(|m| m.installed && machine.fits(&m.info))
        .max_by_key(|m| {
            let lang_fit = (m.info.language == crate::stt::ModelLanguage::En) == english;
            (m.info.quality, lang_fit, !m.info.name.contains("-q"))
        })
        .map(|m| m.info.name.clone())
}

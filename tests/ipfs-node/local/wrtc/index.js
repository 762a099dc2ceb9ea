throw new Error('wrtc is not available in the offline test node');

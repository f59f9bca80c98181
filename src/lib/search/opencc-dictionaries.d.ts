// opencc-js ships its dictionaries as plain ES modules without type declarations.
declare module 'opencc-js/dict/TSCharacters' {
	/** "繁 简|…": traditional character, space, simplified character; pairs separated by "|". */
	const dictionary: string;
	export default dictionary;
}

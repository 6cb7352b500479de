fntranslate2 ; $TRANSLATE for character classes, swaps and control characters
 set s="a"_$char(9)_"b"_$char(10)_"c"
 set t=$translate(s,$char(9,10),"  ")
 write "t=",t," len=",$length(t),!
 set u=$translate(s,$char(9,10))
 write "u=",u," len=",$length(u),!
 write "swap: ",$translate("a<b>c","<>","><"),!
 write "digits only: ",$translate("(555) 123-4567","() -"),!
 set keep="0123456789",v="a1b2c3"
 write "keep digits: ",$translate(v,$translate(v,keep)),!
 write "rot: ",$translate("abcxyz","abcdefghijklmnopqrstuvwxyz","nopqrstuvwxyzabcdefghijklm"),!
 write "twice: ",$translate($translate("abc","a","b"),"b","c"),!
 write "count of l in hello: ",$length("hello")-$length($translate("hello","l")),!
 quit

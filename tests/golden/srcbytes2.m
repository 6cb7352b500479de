srcbytes2 ; every byte 1-255 but LF in a string literal of the source survives as itself
 new s,t,u,v,i,bad set s="	 !""#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_`abcdefghijklmnopqrstuvwxyz{|}~€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ ¡¢£¤¥¦§¨©ª«¬­®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ"
 set bad=0 for i=1:1:255 if i'=10 set bad=bad+($ascii(s,i-(i>10))'=i)
 write $length(s)," bad: ",bad,!
 set i=2,t=$text(+i) write $length(t)," ",$find(t,$char(255)),!
 set u=$extract(t,$find(t,"s=""")-1,$length(t)) write $length(u),!
 xecute "set v="_u write $select(v=s:"xecute same",1:"xecute differs"),!

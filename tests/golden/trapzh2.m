trapzh2 ; ZHALT with a value above 255 exits with the value mod 256
 write "before",!
 zhalt 258
